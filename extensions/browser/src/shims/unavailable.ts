/**
 * Content-script stand-in for parser libraries the overlay never calls (YAML and JSON text
 * parsing: the page hands the engine plain field texts). Calling one is a bug, so it throws.
 */
const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the content script`);
};
export const parseAllDocuments = unavailable('yaml.parseAllDocuments');
export const isMap = unavailable('yaml.isMap');
export const isPair = unavailable('yaml.isPair');
export const isScalar = unavailable('yaml.isScalar');
export const isSeq = unavailable('yaml.isSeq');
export class Scalar {}
export const parseTree = unavailable('jsonc.parseTree');
export const printParseErrorCode = unavailable('jsonc.printParseErrorCode');
