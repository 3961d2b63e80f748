// Engine: facts → scores, gaps, flags.
