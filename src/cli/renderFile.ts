// One input file → its output text, for `reportx parse`. A report is parsed whole and then
// rendered; an input longer than one part (PART_CHARACTERS) is parsed a part at a time while its
// output is written (parseReportInParts), so only one part's metrics stand in memory: a 50 MB input
// held ~5 times its size as metric objects, and the CLI's peak was ~14 times its size.
import { completeDocument } from '../document/buildDocument.js';
import type { Metric, Warning } from '../model/schema.js';
import { validateDocument, validateMetrics } from '../model/validateDocument.js';
import type { DocumentInParts, Render } from '../output/renderDocument.js';
import { PART_CHARACTERS, parseReportInParts } from '../parseReport.js';
import {
  type DecodedFile,
  describeParseError,
  type ParseFileOptions,
  parseDecoded,
  readDecoded,
  reportOptions,
  type RenderedFile,
  renderResult,
  schemaFailure,
} from './parseFile.js';

/**
 * A document that failed while it was being written (made a part at a time as it is written):
 * nothing of it reaches the output, which the writers keep from it until it is whole (spool.ts).
 */
export class DocumentFailure extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Reads, parses and renders one file. `inPieces`: the output may be made as it is written (this
 * thread writes it, or a worker turns it into byte chunks), so a long input is parsed as its
 * output is taken: its output is then an async iterable, which throws a DocumentFailure if a
 * part fails.
 */
export async function renderFile(
  path: string,
  options: ParseFileOptions,
  render: Render,
  inPieces: boolean,
): Promise<RenderedFile> {
  const decoded = await readDecoded(path, options);
  if (!decoded.ok) return decoded;
  if (inPieces && decoded.text.length > PART_CHARACTERS) return renderInParts(path, decoded, options, render);
  return renderResult(parseDecoded(path, decoded, options), render, inPieces);
}

function renderInParts(path: string, decoded: DecodedFile, options: ParseFileOptions, render: Render): RenderedFile {
  let report: ReturnType<typeof parseReportInParts>;
  try {
    report = parseReportInParts(decoded.text, reportOptions(path, decoded, options));
  } catch (err) {
    return { ok: false, path, reason: describeParseError(err) };
  }
  // The head is checked at once, the metrics part by part, the warnings at the end: together,
  // what validateDocument checks of a whole document.
  const headCheck = validateDocument(completeDocument(report.head, [], []));
  if (!headCheck.ok) return { ok: false, path, reason: schemaFailure(headCheck) };
  let metrics = 0;
  const fail = (err: unknown) =>
    err instanceof DocumentFailure ? err : new DocumentFailure(path, describeParseError(err));
  function* checkedMetrics(): Generator<Metric> {
    for (let part = report.nextMetrics(); part; part = report.nextMetrics()) {
      const check = validateMetrics(part, metrics);
      if (!check.ok) throw new DocumentFailure(path, schemaFailure(check));
      metrics += part.length;
      yield* part;
    }
  }
  const document: DocumentInParts = {
    ...report.head,
    metrics: checkedMetrics(),
    get warnings(): Warning[] {
      const warnings = report.warnings();
      const check = validateDocument(completeDocument({ ...report.head, sections: [] }, [], warnings));
      if (!check.ok) throw new DocumentFailure(path, schemaFailure(check));
      return warnings;
    },
  };
  // An async iterable: the writers' sign of a record made as it is written, which may fail on
  // the way (the writers keep it in a temporary file until it is whole: spool.ts).
  async function* output(): AsyncGenerator<string> {
    try {
      yield* render.pieces(document);
    } catch (err) {
      throw fail(err);
    }
  }
  return {
    ok: true,
    path,
    output: output(),
    // Known once the output has been written.
    get metrics() {
      return metrics;
    },
  };
}
