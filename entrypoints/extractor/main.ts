import { serveExtraction } from '../../src/extension/extractor/serve';

// The file reader: an extension page the guard puts into a page as an invisible frame. It runs in the
// extension's own process, so reading a large document never blocks the page the employee works in.
serveExtraction();
