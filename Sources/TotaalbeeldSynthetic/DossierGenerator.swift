// Synthetic dossier generator (in progress).
