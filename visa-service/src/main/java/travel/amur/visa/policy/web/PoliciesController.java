package travel.amur.visa.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.Operator;
import travel.amur.common.web.ProblemException;
import travel.amur.visa.policy.application.ChangingPolicies;
import travel.amur.visa.policy.application.PolicyBook;
import travel.amur.visa.policy.application.PolicyDocument;
import travel.amur.visa.policy.application.PolicyRevision;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyStatus;

/** Entry policies: read by everyone, changed by operations (OPS role) with a full audit trail. */
@RestController
@RequestMapping("/api/visa/policies")
@Tag(name = "Policies", description = "Dated, cited entry policies and their change history")
class PoliciesController {

    private static final String CHANGING_NEEDS_OPS = "changing entry policies needs the OPS role";

    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");
    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d+)\"?$");

    private final PolicyBook book;
    private final ChangingPolicies changing;
    private final JsonMapper json;

    PoliciesController(PolicyBook book, ChangingPolicies changing, JsonMapper json) {
        this.book = book;
        this.changing = changing;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Policies, optionally for a nationality, destination and entry date")
    Flux<PolicyView> list(@RequestParam(required = false) String nationality,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) PolicyStatus status) {
        return book.all()
                .filter(p -> nationality == null || p.nationalities().contains(nationality))
                .filter(p -> destination == null || p.destinations().contains(destination))
                .filter(p -> date == null || p.openOn(date))
                .filter(p -> status == null || p.status() == status)
                .map(PolicyView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One policy; its ETag is its version, for If-Match on changes")
    Mono<ResponseEntity<PolicyView>> get(@PathVariable String id) {
        return book.find(id).map(PoliciesController::withVersion).switchIfEmpty(notFound(id));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "Every change to a policy: who, when, before and after")
    Flux<PolicyRevision> revisions(@PathVariable String id) {
        return book.revisions(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a policy (OPS)", description = """
            Takes effect for the next eligibility answer, with no restart. With `If-Match: "<version>"` the \
            change applies only if nobody changed the policy since (412 otherwise).""")
    Mono<ResponseEntity<PolicyView>> put(@PathVariable String id, @RequestBody PolicyDocument document,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency) {
        Operator operator = Operator.require(roles, user, agency, CHANGING_NEEDS_OPS);
        requireId(id);
        return changing.put(id, document, version(ifMatch), operator.name()).map(PoliciesController::respond);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change some fields of a policy (OPS), e.g. extend its window", description = """
            A JSON merge patch (RFC 7396): `{"entryTo": "2027-09-14"}` extends a policy in one call. \
            Recorded in the audit trail; the next answer uses it.""")
    Mono<ResponseEntity<PolicyView>> patch(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"entryTo\": \"2027-09-14\"}"))) @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency) {
        Operator operator = Operator.require(roles, user, agency, CHANGING_NEEDS_OPS);
        if (!patch.isObject()) {
            return Mono.error(ProblemException.invalid("", "a merge patch is a JSON object"));
        }
        return book.find(id)
                .switchIfEmpty(notFound(id))
                .flatMap(current -> {
                    Integer expected = version(ifMatch) != null ? version(ifMatch) : current.version();
                    JsonNode merged = merge(json.valueToTree(PolicyDocument.of(current)), patch);
                    PolicyDocument document = json.treeToValue(merged, PolicyDocument.class);
                    return changing.put(id, document, expected, operator.name());
                })
                .map(PoliciesController::respond);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire a policy (OPS): kept for the record, never applied again")
    Mono<ResponseEntity<PolicyView>> retire(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency) {
        Operator operator = Operator.require(roles, user, agency, CHANGING_NEEDS_OPS);
        return changing.retire(id, version(ifMatch), operator.name())
                .switchIfEmpty(notFound(id))
                .map(PoliciesController::respond);
    }

    private static ResponseEntity<PolicyView> respond(ChangingPolicies.Outcome outcome) {
        if (outcome instanceof ChangingPolicies.Invalid invalid) {
            throw ProblemException.invalid(invalid.problems().stream()
                    .map(p -> new InvalidField(p.field(), p.message())).toList());
        }
        if (outcome instanceof ChangingPolicies.VersionConflict conflict) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "version-conflict", "Version conflict",
                    "the policy is at version " + conflict.actual() + ", not " + conflict.expected()
                            + "; read it again and reapply the change", List.of());
        }
        ChangingPolicies.Saved saved = (ChangingPolicies.Saved) outcome;
        ResponseEntity<PolicyView> response = withVersion(saved.policy());
        return saved.created() ? ResponseEntity.status(HttpStatus.CREATED).headers(response.getHeaders())
                .body(response.getBody()) : response;
    }

    private static ResponseEntity<PolicyView> withVersion(Policy policy) {
        return ResponseEntity.ok().eTag("\"" + policy.version() + "\"").body(PolicyView.of(policy));
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    private JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : json.createObjectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ProblemException.invalid("If-Match", "must be the policy version as its ETag, e.g. \"3\"");
        }
        return Integer.valueOf(matcher.group(1));
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "a policy id is 2 to 64 capital letters, digits and dashes");
        }
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(() -> ProblemException.notFound("no policy " + id));
    }

}
