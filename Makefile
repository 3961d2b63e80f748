# Install the command line tool: make install [PREFIX=/usr/local]
# The binary carries its rulesets, schemas and templates (embedded at build time) and the Swift runtime
# (--static-swift-stdlib); it still needs the shared C libraries libxml2, libstemmer and libhunspell and the
# Dutch Hunspell dictionary at run time (Debian: libxml2 libstemmer0d libhunspell-1.7-0 hunspell-nl).
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin

.PHONY: build install uninstall test

build:
	swift build -c release -q --static-swift-stdlib --product totaalbeeld

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$(swift build -c release --static-swift-stdlib --show-bin-path)/totaalbeeld" "$(DESTDIR)$(BINDIR)/totaalbeeld"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/totaalbeeld"

test:
	swift test
