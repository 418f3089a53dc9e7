/** A bare process for the footprint floor: Node alone, or Node with PGlite open on a data directory, idling once ready. */
// Plain JavaScript, so that only what the parent asks for (e.g. `--import tsx`) is loaded besides Node.
const [mode, dataDir, startParams] = process.argv.slice(2);
if (mode === "pglite") {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(dataDir, { startParams: JSON.parse(startParams) });
  await db.waitReady;
  await db.query("SELECT count(*) FROM pg_class");
}
process.stdout.write("ready\n");
// Idle until the parent stops it.
setInterval(() => {}, 60_000);
