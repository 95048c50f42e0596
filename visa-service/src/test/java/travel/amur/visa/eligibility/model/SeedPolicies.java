package travel.amur.visa.eligibility.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.visa.policy.application.PolicyDocument;
import travel.amur.visa.policy.model.Policy;

/** The policies exactly as the seed migration stores them, read from the migration itself. */
public final class SeedPolicies {

    private static final Pattern DOCUMENT = Pattern.compile("\\('([A-Z0-9-]+)', 1, 'ACTIVE', \\$\\$(\\{.*?})\\$\\$",
            Pattern.DOTALL);

    private SeedPolicies() {
    }

    public static List<Policy> load() {
        try (InputStream in = SeedPolicies.class.getResourceAsStream("/db/migration/visa-service/V2__seed_policies.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonMapper json = JsonMapper.builder().build();
            List<Policy> policies = new ArrayList<>();
            Matcher matcher = DOCUMENT.matcher(sql);
            while (matcher.find()) {
                policies.add(json.readValue(matcher.group(2), PolicyDocument.class).toPolicy(matcher.group(1), 1));
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
