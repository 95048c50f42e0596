package travel.amur.visa.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.visa.eligibility.application.CheckingEligibility;
import travel.amur.visa.eligibility.model.GroupRules;
import travel.amur.visa.eligibility.model.Trip;

/** Visa-free eligibility, for one traveller or a group. */
@RestController
@RequestMapping("/api/visa/eligibility")
@Tag(name = "Eligibility", description = "May this traveller enter without a visa, and on what terms?")
class EligibilityController {

    /** Set by the gateway from the agency's record: whether ops authorised it for group tours. */
    static final String GROUP_TOURS = "X-Agency-Group-Tours";

    private final CheckingEligibility checking;
    private final TripValidation validation;

    EligibilityController(CheckingEligibility checking, TripValidation validation) {
        this.checking = checking;
        this.validation = validation;
    }

    /** A group's answer: each traveller's, and the rules that bind the group. */
    record BatchAnswer(List<TravellerAnswer> travellers, GroupView group) {
    }

    /** One traveller's answer within a group. */
    record TravellerAnswer(String travellerId, EligibilityAnswer answer) {
    }

    /**
     * The group as a whole: how many travel, the regime they were counted for, who counts towards its size and who
     * does not (and why), and its rules, met or broken.
     */
    record GroupView(int size, boolean allEligible, List<String> ineligible, String policyId, List<String> counted,
            List<GroupRules.NotCounted> notCounted, List<GroupRules.GroupRule> rules) {
    }

    @PostMapping
    @Operation(summary = "Check one traveller", description = """
            Answers from the dated policies in force now: `eligible`, the policy applied with its version, window \
            and sources, the stay as that policy counts it, conditions still to meet, and when not eligible the \
            reasons (STAY_TOO_LONG, PURPOSE_NOT_COVERED, OUTSIDE_POLICY_WINDOW, NO_POLICY ...) and alternatives. \
            Never eligible by default: with no policy for the trip the answer says so.""")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "outside the window",
            value = """
                    {"eligible":false,"policyId":"CN-RU-VISA-FREE-TRIAL","policyVersion":1,
                     "title":"China: 30-day visa-free entry for Russian citizens (trial)","kind":"VISA_FREE",
                     "maxStayDays":30,"stayDays":3,"dayCounting":"FROM_DAY_AFTER_ENTRY","entryFrom":"2025-09-15",
                     "entryTo":"2026-09-14","conditions":["Passport valid at least 6 months beyond the planned exit"],
                     "reasons":[{"code":"OUTSIDE_POLICY_WINDOW","message":"... applies to entries from 2025-09-15 \
                    to 2026-09-14; an entry on 2027-01-06 is outside it."}],
                     "alternatives":[{"policyId":"CN-RU-GROUP-2000","kind":"GROUP_VISA_FREE",
                     "summary":"Visa-free as a group of 5 to 50 with an authorised agency, up to 15 days."}],
                     "sources":["https://en.people.cn/n3/2025/0902/c90000-20361235.html"]}""")))
    Mono<EligibilityAnswer> check(@Valid @RequestBody EligibilityRequest request,
            @RequestHeader(name = GROUP_TOURS, required = false) String groupTours) {
        validation.check()
                .country("nationality", request.nationality(), true)
                .country("destination", request.destination(), true)
                .country("onwardCountry", request.onwardCountry(), false)
                .country("departureCountry", request.departureCountry(), false)
                .dates(request.entryDate(), request.exitDate())
                .orFail();
        Trip trip = new Trip(request.nationality(), request.destination(), request.passportType(), request.purpose(),
                request.entryDate(), request.exitDate(), request.passportExpiry(), request.onwardCountry(),
                request.departureCountry(), request.portOfEntry(), request.groupSize(), authorised(groupTours));
        return checking.check(trip).map(EligibilityAnswer::of);
    }

    @PostMapping("/batch")
    @Operation(summary = "Check a group travelling together", description = """
            One answer per traveller, each checked as a member of a group of this size, plus group rules such as \
            the 5-to-50 size of the group agreement.""")
    Mono<BatchAnswer> checkGroup(@Valid @RequestBody BatchEligibilityRequest request,
            @RequestHeader(name = GROUP_TOURS, required = false) String groupTours) {
        TripValidation.Problems problems = validation.check()
                .country("destination", request.destination(), true)
                .country("onwardCountry", request.onwardCountry(), false)
                .country("departureCountry", request.departureCountry(), false)
                .dates(request.entryDate(), request.exitDate());
        for (int i = 0; i < request.travellers().size(); i++) {
            problems.country("travellers[" + i + "].nationality", request.travellers().get(i).nationality(), true);
        }
        problems.orFail();
        List<GroupRules.Member> members = IntStream.range(0, request.travellers().size())
                .mapToObj(i -> {
                    var traveller = request.travellers().get(i);
                    String id = traveller.travellerId() != null ? traveller.travellerId() : String.valueOf(i + 1);
                    return new GroupRules.Member(id, new Trip(traveller.nationality(), request.destination(),
                            traveller.passportType(), request.purpose(), request.entryDate(), request.exitDate(),
                            traveller.passportExpiry(), request.onwardCountry(), request.departureCountry(),
                            request.portOfEntry(), null, authorised(groupTours)));
                })
                .toList();
        return checking.checkGroup(members).map(group -> new BatchAnswer(
                group.members().stream().map(m -> new TravellerAnswer(m.travellerId(),
                        EligibilityAnswer.of(m.verdict()))).toList(),
                new GroupView(members.size(), group.allEligible(), group.ineligible(), group.policyId(),
                        group.counted(), group.notCounted(), group.rules())));
    }

    /** The gateway's word on the agency: true, false, or (a call not through the gateway) not known. */
    private static Boolean authorised(String header) {
        return header == null ? null : Boolean.valueOf(header.trim());
    }
}
