package org.ventrack.survival.rest;

/** Example payloads for the OpenAPI document. */
final class Examples {

    /** R's aml data, first rows: two groups, times in weeks. */
    static final String SUBJECTS = """
            {
              "subjects": [
                {"time": 9, "event": true, "group": "Maintained"}, {"time": 13, "event": true, "group": "Maintained"},
                {"time": 13, "event": false, "group": "Maintained"}, {"time": 18, "event": true, "group": "Maintained"},
                {"time": 5, "event": true, "group": "Nonmaintained"}, {"time": 5, "event": true, "group": "Nonmaintained"},
                {"time": 8, "event": true, "group": "Nonmaintained"}, {"time": 12, "event": false, "group": "Nonmaintained"}
              ],
              "confType": "log", "confLevel": 0.95, "times": [10, 20]
            }""";

    private Examples() {
    }
}
