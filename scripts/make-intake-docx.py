#!/usr/bin/env python3
"""Writes a Word (.docx) intake from a Markdown intake, deterministically, with the standard library only.

    scripts/make-intake-docx.py Cases/intakes/intake-administratief-medewerker.md Cases/intakes/intake-administratief-medewerker.docx

The particulars of the front matter become a first table (two columns), the sources a table under "Bronnen";
headings use the styles "Heading 1..3", list items a numbering. To show what the importer must handle, the
document also gets what real intakes carry: a tracked insertion and a tracked deletion (in "Thuissituatie"),
a reviewer's comment, and a header and footer. Same input, same bytes: fixed timestamps, fixed order.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STAMP = (1980, 1, 1, 0, 0, 0)
DATE = "2026-11-16T09:00:00Z"


def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(text, style=None, numbered=False, extra=""):
    props = ""
    if style or numbered:
        props = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else "") + "</w:pPr>"
    return f"<w:p>{props}{run(text) if text else ''}{extra}</w:p>"


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc><w:p>{run(cell)}</w:p></w:tc>" for cell in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def body_from_markdown(text):
    lines = text.splitlines()
    front = {}
    sources = []
    i = 0
    if lines and lines[0].strip() == "---":
        i = 1
        while lines[i].strip() != "---":
            key, _, value = lines[i].partition(":")
            if key.strip() == "bron":
                sources.append([part.strip() for part in value.split(";")])
            else:
                front[key.strip()] = value.strip()
            i += 1
        i += 1
    parts = []
    labels = {"dossier": "Dossier", "datum": "Datum", "regeling": "Regeling", "leeftijd": "Leeftijd",
              "geslacht": "Geslacht", "achtergrond": "Achtergrond"}
    title_done = False
    paragraph_lines = []

    def flush():
        if paragraph_lines:
            parts.append(paragraph(" ".join(l.strip() for l in paragraph_lines)))
            paragraph_lines.clear()

    for line in lines[i:]:
        stripped = line.strip()
        heading = re.match(r"^(#{1,3}) (.*)$", stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            parts.append(paragraph(heading.group(2), style=f"Heading{level}"))
            if level == 1 and not title_done:
                title_done = True
                parts.append(table([[labels.get(k, k), v] for k, v in front.items()]))
                parts.append(paragraph("Bronnen", style="Heading2"))
                parts.append(table([["Bron", "Rol", "Datum"]] + sources))
            continue
        if not stripped:
            flush()
            continue
        if stripped.startswith("- "):
            flush()
            parts.append(paragraph(stripped[2:], numbered=True))
            continue
        paragraph_lines.append(line)
    flush()
    body = "".join(parts)
    # A tracked deletion and insertion in the first paragraph on debts, and a comment on the home situation.
    debts = run("Sinds de uitval zijn er betalingsachterstanden ontstaan bij de energieleverancier en de zorgverzekeraar.")
    revised = (run("Sinds de uitval zijn er betalingsachterstanden ontstaan bij de energieleverancier en de zorgverzekeraar")
               + f'<w:del w:id="11" w:author="Arbeidsdeskundige" w:date="{DATE}"><w:r><w:delText xml:space="preserve"> en de huurbaas</w:delText></w:r></w:del>'
               + f'<w:ins w:id="12" w:author="Arbeidsdeskundige" w:date="{DATE}"><w:r><w:t xml:space="preserve">; er loopt een betalingsregeling</w:t></w:r></w:ins>'
               + run("."))
    assert debts in body
    body = body.replace(debts, revised, 1)
    home = run("Cliënte woont met haar zoon van 15 in een huurwoning.")
    home_full = [m for m in re.finditer(r'<w:r><w:t xml:space="preserve">Cliënte woont met haar zoon[^<]*</w:t></w:r>', body)]
    assert home_full
    target = home_full[0].group(0)
    body = body.replace(target, '<w:commentRangeStart w:id="0"/>' + target + '<w:commentRangeEnd w:id="0"/>'
                        '<w:r><w:commentReference w:id="0"/></w:r>', 1)
    return body


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        body = body_from_markdown(f.read())
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
                f'{body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              + "".join(f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/>'
                        f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{36 - 4 * n}"/></w:rPr></w:style>' for n in (1, 2, 3))
              + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">'
                f'<w:comment w:id="0" w:author="Collega" w:date="{DATE}"><w:p>{run("Navragen: is er hulp bij de zorg voor haar zoon, bijvoorbeeld via het wijkteam?")}</w:p></w:comment></w:comments>')
    header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}"><w:p>{run("Vertrouwelijk — intakeverslag re-integratie")}</w:p></w:hdr>'
    footer = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}"><w:p>{run("Pagina 1")}</w:p></w:ftr>'
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                     '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                     '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                '</Relationships>')
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/_rels/document.xml.rels", doc_rels),
             ("word/document.xml", document), ("word/styles.xml", styles), ("word/numbering.xml", numbering),
             ("word/comments.xml", comments), ("word/header1.xml", header), ("word/footer1.xml", footer)]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
