/**
 * What Windows events look like once normalized, shared by the readers of exports (JSON, CSV): the System field
 * names and which of them are numbers, canonical channel names, Keywords as hexadecimal, times with and without a
 * zone, and the flattening of an event's XML to Sigma's field names (docs/evtx-checklist.md, "Flattening").
 */
package org.sigmascope.ingest.winevent;
