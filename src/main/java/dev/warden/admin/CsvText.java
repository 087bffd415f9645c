package dev.warden.admin;

import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: CRLF after every record, a field quoted when it holds a comma, a quote, CR
 * or LF, and a quote inside a quoted field doubled. A field that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or CR; names such as key aliases are chosen by users) gets a leading {@code '}, as
 * OWASP advises against CSV injection; the report's own numbers are never negative, so none is changed.
 */
final class CsvText {
    private final StringBuilder text = new StringBuilder();

    CsvText row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String field(String raw) {
        var value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
