// Report renderers.
