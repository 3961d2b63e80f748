// Intervision comparison (in progress).
