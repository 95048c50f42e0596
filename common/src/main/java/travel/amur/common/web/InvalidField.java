package travel.amur.common.web;

/** One offending input: the field (JSON path, query parameter or header) and what is wrong with it. */
public record InvalidField(String field, String message) {
}
