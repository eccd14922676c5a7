"""Build glue, in one place: the MkDocs hook that checks and applies org.yml (`orgfile`, with the settings' rules
in `org_schema`), and the packing of Python into the site (`pack`: the wheel, its bytecode compiled by the pinned
Pyodide in `bytecode.mjs`, Pyodide's files, and the memory snapshot, `snapshot` and `snapshot.mjs`).
It runs at build time only and may import any of the toolkit; nothing here is packed into the site."""
