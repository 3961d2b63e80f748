import HTTPTypes
import Hummingbird
import NIOCore

/// The workbench's page frame: one inline style sheet, no scripts, a skip link, visible focus, AA contrast.
enum Pages {
    static let style = """
    body.wb{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0;padding:0;max-width:none;line-height:1.45;font-size:1rem}
    .wb-cols>*{min-width:0}
    .wb fieldset{min-width:0}
    .wb .report{overflow-x:auto}
    .wb .report table{font-size:.9rem}
    .wb-top{background:#12355b;color:#fff;padding:.6rem 1rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
    .wb-top a{color:#fff}
    .wb-top strong{font-size:1.1rem}
    .wb-main{padding:1rem;max-width:110rem;margin:0 auto}
    .wb-skip{position:absolute;left:-999px}
    .wb-skip:focus{left:1rem;top:1rem;background:#fff;color:#12355b;padding:.5rem;z-index:10}
    .wb a:focus,.wb button:focus,.wb input:focus,.wb select:focus,.wb textarea:focus,.wb summary:focus{outline:3px solid #b35900;outline-offset:2px}
    .wb-cols{display:grid;grid-template-columns:minmax(22rem,1fr) minmax(24rem,1.2fr);gap:1.5rem;align-items:start}
    @media (max-width:60rem){.wb-cols{grid-template-columns:1fr}}
    .wb fieldset{border:1px solid #8a8a8a;border-radius:4px;margin:0 0 1rem;padding:.6rem .8rem}
    .wb legend{font-weight:bold;padding:0 .3rem}
    .wb label{display:block;font-weight:600;margin:.4rem 0 .15rem}
    .wb textarea{width:100%;box-sizing:border-box;min-height:5rem;font:inherit}
    .wb input[type=text],.wb input[type=date],.wb select{font:inherit;max-width:100%}
    .wb input[type=text]{width:100%;box-sizing:border-box}
    .wb button{font:inherit;background:#12355b;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;cursor:pointer}
    .wb button.secondary{background:#fff;color:#12355b;border:2px solid #12355b}
    .wb .hint{color:#4a4a4a;font-size:.92rem;margin:.1rem 0 .3rem}
    .wb .notice{border-left:6px solid #12355b;background:#eef3f9;padding:.6rem .8rem;margin:0 0 1rem}
    .wb .notice.error{border-color:#a4000f;background:#fdeeee}
    .wb .notice.ok{border-color:#1d6b2f;background:#edf7ef}
    .wb table.list{border-collapse:collapse;width:100%}
    .wb table.list th,.wb table.list td{border-bottom:1px solid #c8c8c8;text-align:left;padding:.35rem .5rem;vertical-align:top}
    .wb .flagbox{border:1px solid #8a8a8a;border-radius:4px;padding:.5rem .7rem;margin:.5rem 0}
    .wb .weighed{color:#1d6b2f;font-weight:600}
    .wb .weighed.reweigh{color:#8c2d04}
    .wb .meta{color:#4a4a4a}
    .wb .screening{border-left:3px solid #c8c8c8;padding-left:1rem}
    .wb .actions{display:flex;gap:.6rem;flex-wrap:wrap;margin:.6rem 0}
    """

    static func html(_ title: String, body: String, extraHead: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(esc(title)) — Totaalbeeld werkbank</title>
        \(extraHead)
        <style>\(style)</style>
        </head>
        <body class="wb">
        <a class="wb-skip" href="#inhoud">Naar de inhoud</a>
        <nav class="wb-top" aria-label="Werkbank">
        <strong>Totaalbeeld werkbank</strong>
        <a href="/">Dossiers</a>
        <a href="/nieuw">Nieuw dossier</a>
        <span class="meta" style="color:#dfe7f1">Alles blijft op deze computer.</span>
        </nav>
        <main id="inhoud" class="wb-main">
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, etag: String? = nil) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        if let etag { headers[.eTag] = "\"\(etag)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func errorResponse(_ error: PageError) -> Response {
        let body = """
        <h1>\(esc(error.title))</h1>
        <p class="notice error">\(error.message)</p>
        <p><a href="/">Terug naar de dossiers</a></p>
        """
        return response(html(error.title, body: body), status: error.status)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(token))\"/>"
    }

    static func select(_ name: String, id: String, options: [(String, String)], selected: String?) -> String {
        var out = "<select name=\"\(esc(name))\" id=\"\(esc(id))\">"
        for (value, label) in options {
            out += "<option value=\"\(esc(value))\"\(value == selected ? " selected=\"selected\"" : "")>\(esc(label))</option>"
        }
        return out + "</select>"
    }

    /// The report page's style sheet and body, to show the screening inside a workbench page: whatever the report
    /// puts first (its summary) comes first here too.
    static func reportParts(_ page: String) -> (style: String, body: String) {
        var style = ""
        if let start = page.range(of: "<style"), let open = page[start.upperBound...].firstIndex(of: ">"), let end = page.range(of: "</style>", range: open..<page.endIndex) {
            style = String(page[page.index(after: open)..<end.lowerBound])
        }
        var body = page
        if let start = page.range(of: "<body"), let open = page[start.upperBound...].firstIndex(of: ">"), let end = page.range(of: "</body>", options: .backwards) {
            body = String(page[page.index(after: open)..<end.lowerBound])
        }
        return (style, body)
    }
}
