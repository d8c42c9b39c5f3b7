/**
 * Evidence integrity: the SHA-256 recorded for each source at import, checked again on demand
 * ({@code sigmascope verify CASE}, docs/reliability.md).
 */
package org.sigmascope.integrity;
