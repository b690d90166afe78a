/** The version of the extraction engine, stored with every extracted fact. */
export const EXTRACTOR_VERSION = '0.2.39';
