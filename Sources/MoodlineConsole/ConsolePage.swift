/// The console's HTML: one self-contained page (inline CSS and script, nothing from the
/// network), kept in `console/index.html` and embedded by `scripts/embed-console.py`.
enum ConsolePage {
    /// What `/` answers without a valid token: a way in, and nothing about the centre.
    static let signIn = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Moodline console — sign in</title>
    <style>body{font:16px system-ui,sans-serif;margin:15vh auto;max-width:32rem;color:#222}
    input{font:inherit;width:100%;padding:.4rem;margin:.5rem 0}button{font:inherit;padding:.4rem 1rem}</style></head>
    <body><h1>Moodline console</h1>
    <p>A valid access token is needed. Open the link <code>moodline serve</code> printed, or enter your token:</p>
    <form method="get" action="/"><input name="token" type="password" autocomplete="off" autofocus>
    <button type="submit">Open the console</button></form></body></html>
    """#
}
