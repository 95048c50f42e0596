package travel.amur.common.web;

import java.net.URI;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.http.ProblemDetail;

/**
 * Puts a problem in the caller's language (English, Russian or Chinese, by {@code Accept-Language}): its title, and
 * each field error whose code has a text. Types and codes stay as they are: programs read those.
 */
public final class ProblemTexts {

    static final List<String> LANGUAGES = List.of("en", "ru", "zh");
    private static final String BUNDLE = "travel.amur.common.web.problems";
    /** Read when the class is first used, from {@link #preload()} at start-up: reading them is file I/O. */
    private static final Map<String, ResourceBundle> TEXTS = Map.of(
            "ru", bundle(Locale.forLanguageTag("ru")), "zh", bundle(Locale.forLanguageTag("zh")));
    /** The texts problems are first written in. */
    private static final ResourceBundle ENGLISH = bundle(Locale.ROOT);

    private ProblemTexts() {
    }

    /** Reads the texts now (on the thread that calls it), not on an event loop at the first problem. */
    public static void preload() {
        TEXTS.size();
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English, Russian or Chinese, the best match of the header; English when none fits. */
    public static Locale choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            String chosen = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return chosen == null ? Locale.ENGLISH : Locale.forLanguageTag(chosen);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The problem in {@code language}; English problems are left as written. */
    public static ProblemDetail localise(ProblemDetail problem, Locale language) {
        ResourceBundle texts = TEXTS.get(language.getLanguage());
        if (texts == null) {
            return problem;
        }
        String type = slug(problem.getType());
        text(texts, "title." + type).ifPresent(problem::setTitle);
        if (problem.getProperties() != null && problem.getProperties().get(Problems.ERRORS) instanceof List<?> errors) {
            List<InvalidField> localised = new ArrayList<>();
            for (Object error : errors) {
                localised.add(error instanceof InvalidField field ? localise(field, texts) : (InvalidField) error);
            }
            problem.setProperty(Problems.ERRORS, localised);
            if (Problems.INVALID_REQUEST.equals(type)) {
                problem.setDetail(localised.size() == 1
                        ? format(texts, "detail.invalid-request.one", localised.get(0).field(),
                                localised.get(0).message())
                        : format(texts, "detail.invalid-request.many", String.valueOf(localised.size())));
            }
        }
        return problem;
    }

    private static InvalidField localise(InvalidField field, ResourceBundle texts) {
        if (!texts.containsKey(field.code())) {
            return field;
        }
        List<String> args = field.args().stream().map(arg -> shape(texts, arg)).toList();
        String message = format(texts, field.code(), args.toArray(String[]::new));
        return new InvalidField(field.field(), field.code(), message, field.args());
    }

    /** A shape key ({@code shape.date}...) in English words, as problems are first written. */
    static String inEnglish(String shape) {
        return shape(ENGLISH, shape);
    }

    /** A shape key ({@code shape.date}, {@code shape.enum:[A, B]}) in words; any other argument as it is. */
    private static String shape(ResourceBundle texts, String arg) {
        if (!arg.startsWith("shape.")) {
            return arg;
        }
        int colon = arg.indexOf(':');
        String key = colon < 0 ? arg : arg.substring(0, colon);
        return texts.containsKey(key) ? format(texts, key, colon < 0 ? "" : arg.substring(colon + 1)) : arg;
    }

    private static String format(ResourceBundle texts, String key, String... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }

    private static java.util.Optional<String> text(ResourceBundle texts, String key) {
        try {
            return java.util.Optional.of(texts.getString(key));
        } catch (MissingResourceException none) {
            return java.util.Optional.empty();
        }
    }

    private static String slug(URI type) {
        String text = String.valueOf(type);
        return text.startsWith(Problems.TYPE_BASE) ? text.substring(Problems.TYPE_BASE.length()) : text;
    }
}
