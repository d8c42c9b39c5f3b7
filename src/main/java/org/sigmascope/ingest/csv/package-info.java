/**
 * CSV evidence: a streaming RFC 4180 reader ({@link org.sigmascope.ingest.csv.CsvTokenizer}) and dialects that
 * map the columns of each kind of export (EvtxECmd, Hayabusa, Plaso/Timesketch, Event Viewer, any other CSV with an
 * editable mapping) to Sigma's field names, chosen by the header.
 */
package org.sigmascope.ingest.csv;
