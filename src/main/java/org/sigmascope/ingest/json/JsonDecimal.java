package org.sigmascope.ingest.json;

/**
 * A JSON number with a fraction or exponent, kept as its text so that nothing is lost before a shape decides
 * what it is (Velociraptor writes times as epoch seconds with seven decimals, beyond a double's precision).
 */
public record JsonDecimal(String text) {
    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
