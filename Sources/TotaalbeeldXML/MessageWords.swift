/// The words of the messages that may reach a bulk-screening error report, for ``MessageRedactor``: every
/// word of libxml2's message catalogue (extracted from libxml2 2.9.14's format strings; a later version's new
/// words are shown as «…» until added here, which loses wording, never privacy), then the words of
/// Totaalbeeld's own loader messages. Personal names that are also in the anonymisation guard's list were
/// left out. Element, attribute and type names are not here: they come from the schemas themselves.
enum MessageWords {
    static let libxml2: Set<String> = Set("""
        A ACCNT ALLOCATED ANY API APL ATTLIST ATTRIBUTE Accept Adding All Allocated Allocation Allowing An AttValue
        Attempt Attr Attribute AttributeDecl Attributes Authoritative Avoid Bad Blank Boolean Building Bytes CDATA
        CData COMMENT CT Can't Cannot Catalog Char CharRef Character Characters CheckReference ChildSeq Circular
        Comment Compiled Compression Connect Content ContentDecl ContentModel Converting Could Couldn't DECL DOCTYPE
        DOCUMENT DOM DTD Datatype Default Defines Definition Deprecated Detected Did Directory Disabling Doc
        Document Double Duplicate ELEMENT EMPTY ENTITIES ENTITY ENTITYREF EPRT EPSV ETH Either Element ElementDecl
        Empty Encoding End EndTag Entities Entity EntityDecl EntityValue Error Escaped Excessive Exec Expected
        Expecting Expression Extra FIXED FORMERR FRAGMENT FTP FUNCTION Facet Failed Fatal File Filename For Found
        Fragment Free Function Georgian Got Greek HPP HTML HTTP HUGE Host Huge I ICU ID IDC IDREF IDREFS IGNORE
        IMPLIED INCLUDE IO ISO ISOamsa ISOamsb ISOamsc ISOamsn ISOamso ISOamsr ISOdia ISOgrk ISOlat ISOnum ISOpub
        ISOtech Identifier If Inappropriate Include Incomplete Incorrect Infinity Input Internal Interrupted Invalid
        Is It LENGTH LIST LITERAL Length List Ll Local Location LocationSet MEM MEMORY MISSING MIXED Malformed
        Malloc Markup Memory Misplaced Missing Mixed MixedContentDecl Mm More Multiple NCName NDATA NEW NExecute NG
        NNewCtx NOTATION NOTIMP NS NULL NVisibleNsStackCreate NaN Name Namespace Namespaced Neither New
        NewParserCtxt NmToken No Node NodeSet Non Not Notation NotationDecl OE Object Ok Only Opening Operation Out
        PARSE PARSER PASV PBM PCDATA PE PEReference PEReferences PI PORT PP PSVI PUBLIC ParsePI Parser Parsing
        Pattern Pbm Please Popping Predefined Premature Processing PubidLiteral Public PublicID Pushing QName
        REFUSED REGEXP REQUIRED RFC RNG Read Reading Realloced Recursion Redefinition Reference References Relative
        Relax RelaxNG Removing Resolve Resource Result SAX SAXv SGML ST STRING SYSTEM Schema Sequence Set Setting
        Skipping Some Space Specification Stack Start Step Strdup String Sub Syntax System SystemLiteral TEXT THORN
        TODO Table Tag Text The There This To Too Tree Trying Type UR URI URL URN USC USER UTF Undefined Unescaped
        Unexpected Unfinished Unimplemented Unknown UnparsedEntityDecl Unregistered Unsigned Unsupported Updating
        Use Used Using VALUE VARIABLE Valid Validation Value Version Warning Weierstrass Write Wrong XInclude XML
        XPath XPointer XSLT Xx ZLIB a about above absent absolute abstract accent acceptable accepted accepts
        acquired actual acute add added adding addition address ae affiliation after against aggregation alef align
        all allocate allocating allocation allow allowed allows almost alpha already also alternate among ampersand
        an ancestor and angle annotated annotation anonymous answer any anyAttribute anyName anyType apl appending
        approximately arbitrary are area args argument arguments array arrow ary as asking assert assigned asterisk
        asymptotic at atom atomic attempt attr attribute attributeDecl attributeGroup attributes augmented author
        authoritative automata available avoided axis back backward balanced bar base based basic be because been
        before being beta between bidi big binding bindings black blackletter block blocked blocking body bold
        boolean both bound bounds bra brace bracket break breaking broken bucket buckets buffer buffers build
        building built bullet but by bye bytes cache call callback called calling can can't cannot canonical
        canonicalized canonize cap capital cardinal cardinality caron carriage carry case cat catalog catalogs
        caught cd cdataBlock cedilla ceiling cell cent center chain change char character characters charset check
        checking chi child children childrens choice chunk circle circled circular circumflex cleared client close
        closed closing club code collapsed colons column combine comma command comment compare compatibility compile
        compiled complex complexContent complexType compliant component components compressed compression
        computation compute computed computer conditional conflicts conjunction connecting connection consist
        constraint constraints construct construction constructor contain contained container contains content
        contents context control conv conversion converter copying copyright corner correctly corresponding corrupt
        corrupted could couldn't count create creating creation cubed cup cur curly currency current currently cycle
        dagger dash data datatype deadlock decimal decl declaration declaration's declarations declared decoded
        decoding deep def default defaulted defaultns define defined defines definition definition's definitions
        degree delegate delta demanded deprecated depth derivation derived deriving descriptor designation detected
        determinist device diaeresis diameter diamond dictionary differ difference different differential differs
        digit digits dir direct directory discretionary display div division do doc docs document document's does
        doesn't dot double downstile downwards du due dumping dumps duplicate duplicated ed either elem element
        elementDecl elements ellipsis em embedded embeds emptiable empty en enc encoder encoding encountered end
        endDocument endElement endian ending enough entered entities entity entityDecl entry enumerated enumeration
        epilog epsilon equal error errors escape ess eta etc eth euro eval evaluate evaluates evaluation exc
        exceeded exceeds except exceptNameClass exclamation exclusive exec executing execution exist existent exists
        exit expand expanded expect expected expecting exported expr expressible expression extending extension
        external externalID externalRef externalSubset extra facet facets failed fails failure fake fallback family
        fatalError feet feminine fetch field fields file filename files filters final find finished first fit fixed
        flags float floor florin flushing follow font for forbidden forced foreign form format formed forward found
        fraction fractional fragment frame free freed from function gamma gather generate generated generic get
        getEntity getParameterEntity gethostbyname getting given global got grammar grand grave greater greek grep
        group groups growing guillemet gzip had half handler happened has hasExternalSubset hasInternalSubset hash
        have having head header heart help here hexadecimal hexbin history hit hook horizontal host href html
        htmlCheckEncoding htmlDecodeEntities htmlInitParserCtxt htmlParseCharRef htmlParseChunk htmlParseDocTypeDecl
        htmlParseDocument htmlParseElement htmlParseEndTag htmlParseEntityRef htmlParseExternalID htmlParseStartTag
        http huge hyphen iconv id identical identifier identify identity if ignorableWhitespace image imaginary
        implemented import imported importing improperly in inches include included including inclusion incomplete
        inconsistent incorrect incorrectly independent index indicate indicated indicator infinity inflate info
        information initial initialize initializing inline input insertion inside instance instead instruction int
        integral interleave interleaves internal internalSubset intersection invalid inverted iota is isStandalone
        it it's italic item itemType items its itself joiner kappa ket key keyref keyword label labelled lacks
        lambda lang language large last latin ld leader least leave left leftwards length less letter lexical
        library libxml libxslt ligature like limit line link links list literal little load local locate located
        location locks logical long lookup loop low lozenge ls lu macron main malloc mandates many map mapped marked
        markup masculine match matcher matchers matching maxLength maxOccurs maximum may media member memberTypes
        members memory merging message meta method micro middle mille min minLength minOccurs minimum minus minutes
        mismatch misplaced miss missing misuse mixed mode model modifier modify module monospaced more mu multi
        multiple multiplication must mutually nabla name named names namespace namespaces need needed needs neither
        nested nesting network never new next nil nillable nilled no node node's nodes nodeset non none noop nor
        normalized normalizing not notAllowed notation notationDecl notations nothing ns nsName nsreg nsuri nu null
        number object occurred occurs oe of older omega omicron on one oneOrMore only open operation operator option
        optional or ordinal original orthogonal other out output outside over overbar overflow overline overscore
        paragraph param parameter parameters parent parent's parentRef parse parsed parser parsing part partial
        particle path pattern pending per permitted perpendicular phi pi pilcrow plus point pointer pointing
        pointless pop popping position possible pound power precompiled precomputed predefined predicate prefer
        preference prefix present preserve prev prevented prime primitive print problem problems process processes
        processing processingInstruction processor product program progress prohibition prolog prompt proper
        property proportional proposed provided psi pubID public push pushing pwd quarter quarters question quit
        quotation quote radical range ranges re reached reaching read real realloc reallocating rebuild record
        recoverable recursion redeclaration redefine redefined redefining redefinition ref reference referenced
        references refs regex regexp register registered regular rejected relation relative relaxng remote removed
        rendering reparsing replace report representation requested required requires reserved resolve resolveEntity
        resolves resolving resource restoring restriction result retrieving return returned reuse rewriting rho ride
        right rightwards ring rng root rule runtime sThe same sample save saving schema schemaLocation schemas
        schematron scheme scope script scripts search searching seconds section see selector selects semicolon
        sending sentinel sequence sequences serialization server set setDocumentLocator setbase setns setrootns
        setting sh shamrock sharp shell shifting short shorthand should show side sigma sign similar simple
        simpleContent simpleType since single size skip slash small socket soft something sort space spaces spacing
        spade specified specify square squared stack standalone standardization start startDocument startElement
        started starting state statement stop storage strange stream streamable strict strike string stroke stronger
        struct structure style subparts subset subst substitute substitution subtree such suit sum summation
        superscript superset supported switching symbol syntax sysID system table tack tag target tau teletype temp
        temporarily temporary term terminated test text than that the then there there's therefore theta thin this
        thorn those three through thus tilde tim timed times to token too top trade transfinite transition
        transitions tree trying tuples turned tvH two type type's types uLH unable unavailable undefined under
        underlined underruns unescaping unexpected unhandled uninitialized union unique unknown unparsed
        unparsedEntityDecl unregistered unsets unsupported unterminated up upsilon upstile upwards ur uri usage use
        used user uses using valentine valid validate validated validating validation validity validly value values
        variable varies variety vector vee version vertical violates vulgar warning was weaker wedge well when
        whereis which while white whitespace width wildcard will with within without working would wrapper write
        writer wrong xi xml xmlAddAttributeDecl xmlAddDocEntity xmlAddDtdEntity xmlAddElementDecl xmlAddEntity
        xmlAddID xmlAddNotationDecl xmlAddRef xmlBuffer xmlC xmlCatalogGetPublic xmlCatalogGetSystem xmlChar
        xmlCharEncOutFunc xmlCopyCharMultiByte xmlCopyEntity xmlCreateEntity xmlCreatePushParserCtxt
        xmlCreateZMemBuff xmlDOMWrapCloneNode xmlDecodeEntities xmlDumpEntitiesDecl xmlEncodeEntities
        xmlEncodeEntitiesReentrant xmlEncodeSpecialChars xmlEscapeEntities xmlFAParseAtom xmlFAParseRegExp
        xmlGetGlobalState xmlHandleEntity xmlIOHTTPCloseWrite xmlInitCharEncodingHandlers xmlLoadEntityContent
        xmlMallocAtomicLoc xmlMallocBreakpoint xmlMallocLoc xmlMemFree xmlNamespaceParseNCName
        xmlNamespaceParseNSDef xmlNamespaceParseQName xmlNewCharEncodingHandler xmlNewDoc xmlNewElementContent
        xmlNewEntityInputStream xmlNewGlobalNs xmlNewStringInputStream xmlNewTextReader xmlNewTextWriter
        xmlNewTextWriterDoc xmlNewTextWriterFilename xmlNewTextWriterMemory xmlNewTextWriterPushParser
        xmlNewTextWriterTree xmlOutputBufferCreateIO xmlParseCharRef xmlParseChunk xmlParseComment
        xmlParseDocTypeDecl xmlParseElementChildrenContentDecl xmlParseElementContentDecl xmlParseElementDecl
        xmlParseElementMixedContentDecl xmlParseEndTag xmlParseEntityDecl xmlParseEntityRef xmlParseGetLasts
        xmlParseInternalSubset xmlParseNamespace xmlParsePI xmlParsePITarget xmlParseQuotedString xmlParseStartTag
        xmlParseStringCharRef xmlParseStringEntityRef xmlParseStringPEReference xmlParserHandleReference
        xmlPointerListAddSize xmlPointerListCreate xmlReallocLoc xmlRegisterCharEncodingHandler xmlRelaxNG
        xmlRelaxNGParse xmlRelaxNGParseElement xmlRelaxNGParseattribute xmlSAX xmlScanName xmlSchemaAddAnnotation
        xmlSchemaAugmentIDC xmlSchemaBuildContentModelForSubstGroup xmlSchemaCheckFacet xmlSchemaCheckSRCCT
        xmlSchemaComponentListFree xmlSchemaCreateVCtxtOnPCtxt xmlSchemaGetDoc xmlSchemaItemListRemove
        xmlSchemaPValAttr xmlSchemaParseIDCSelectorAndField xmlSchemaParseUnion xmlSchemaProcessXSIType
        xmlSchemaQNameExpand xmlSchemaTypeFixup xmlSchemaVCheckCVCSimpleType xmlSchematronParse xmlStrdup
        xmlSwitchToEncoding xmlTextReaderSetup xmlTextWriterCloseDocCallback xmlTextWriterEndComment
        xmlTextWriterEndDocument xmlTextWriterPtr xmlTextWriterStartAttributeNS xmlTextWriterStartCDATA
        xmlTextWriterStartComment xmlTextWriterStartDTD xmlTextWriterStartDTDAttlist xmlTextWriterStartDTDElement
        xmlTextWriterStartDTDEntity xmlTextWriterStartDocument xmlTextWriterStartElement xmlTextWriterStartElementNS
        xmlTextWriterStartPI xmlTextWriterVSprintf xmlTextWriterWriteDTDExternalEntityContents
        xmlTextWriterWriteDocCallback xmlTextWriterWriteRawLen xmlTextWriterWriteVFormatComment xmlUpgradeOldNs
        xmlValidateAttributeCallback xmlValidateDocumentFinal xmlXPathCompOpEval xmlXPathCompOpEvalPredicate
        xmlXPathCompareNodeSetValue xmlXPathCompiledEval xmlXPathObjectCopy xmlXPathRunEval
        xmlXPathTranslateFunction xmlXPtrEval xmlZMemBuffAppend xmlZMemBuffExtend xmlZMemBuffGetContent xmlns xpath
        xpointer xs xsi yen yes yet you yuan zed zero zeta zlib
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words of Totaalbeeld's own messages (loader, input checks).
    static let totaalbeeld: Set<String> = Set("""
        expected a dossier found document names source but is not of this which an element unknown not defined in ruleset did you mean
        cites addresses entity references are allowed Totaalbeeld documents DOCTYPE declarations type root namespace has no
        Document empty out memory could be parsed further problems shown file bytes more than the limit cannot read
        indicator domain theme kind score level Schema activity the schema valid against refused to may only include import
        local files inside its own directory compiled no such symbolic link whose target does exist regular FIFO character
        device block socket directory vanished while inputs were listed followed link
        Permission denied No such or Input output error Too many levels symbolic links Is Not Stale handle Resource
        temporarily unavailable Operation permitted Bad descriptor Interrupted system call UTF-8 UTF-16 ISO-8859-1
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let all = libxml2.union(totaalbeeld)
}
