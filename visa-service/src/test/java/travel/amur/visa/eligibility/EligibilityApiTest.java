package travel.amur.visa.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.visa.support.VisaServiceTest;

@VisaServiceTest
class EligibilityApiTest {

    @Autowired WebTestClient web;

    @Test
    void a_russian_family_in_january_2027_is_not_eligible_while_the_trial_is_unextended_and_is_told_why() {
        check("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09","passportExpiry":"2031-05-20"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.policyId").isEqualTo("CN-RU-VISA-FREE-TRIAL")
                .jsonPath("$.entryTo").isEqualTo("2026-09-14")
                .jsonPath("$.reasons[0].code").isEqualTo("OUTSIDE_POLICY_WINDOW")
                .jsonPath("$.alternatives[?(@.policyId == 'CN-240H-TRANSIT')]").exists()
                .jsonPath("$.alternatives[?(@.policyId == 'CN-RU-GROUP-2000')]").exists()
                .jsonPath("$.sources[0]").value(source -> assertThat((String) source).contains("people.cn"));
    }

    @Test
    void a_transit_to_japan_is_eligible_under_the_240_hour_rule_with_its_conditions() {
        check("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TRANSIT",
                 "entryDate":"2027-01-06","exitDate":"2027-01-12","onwardCountry":"JP","portOfEntry":"HRB"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.eligible").isEqualTo(true)
                .jsonPath("$.policyId").isEqualTo("CN-240H-TRANSIT")
                .jsonPath("$.stayDays").isEqualTo(6)
                .jsonPath("$.maxStayDays").isEqualTo(10)
                .jsonPath("$.conditions[?(@ =~ /.*Harbin.*/)]").exists()
                .jsonPath("$.reasons.length()").isEqualTo(0);
    }

    @Test
    void with_no_policy_for_the_trip_the_answer_says_so_plainly() {
        check("""
                {"nationality":"DE","destination":"RU","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.policyId").doesNotExist()
                .jsonPath("$.reasons[0].code").isEqualTo("NO_POLICY")
                .jsonPath("$.reasons[0].message").value(message -> assertThat((String) message)
                        .startsWith("No entry policy on record for this trip").doesNotContain("a visa is needed"));
    }

    @Test
    void a_group_of_five_russian_tourists_may_travel_under_the_group_agreement() {
        web.post().uri("/api/visa/eligibility/batch").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"destination":"CN","purpose":"TOURISM","entryDate":"2027-01-06","exitDate":"2027-01-10",
                         "travellers":[%s]}""".formatted(travellers(5)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.group.size").isEqualTo(5)
                .jsonPath("$.group.allEligible").isEqualTo(true)
                .jsonPath("$.travellers[0].answer.policyId").isEqualTo("CN-RU-GROUP-2000")
                .jsonPath("$.group.rules[?(@.rule == 'group size 5 to 50')].met").isEqualTo(List.of(true));
    }

    @Test
    void a_group_sent_by_an_agency_not_authorised_for_group_tours_is_refused_naming_the_authorisation() {
        web.post().uri("/api/visa/eligibility/batch").header("X-Agency-Group-Tours", "false")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"destination":"CN","purpose":"TOURISM","entryDate":"2027-01-06","exitDate":"2027-01-10",
                         "travellers":[%s]}""".formatted(travellers(6)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.group.allEligible").isEqualTo(false)
                .jsonPath("$.group.counted.length()").isEqualTo(6)
                .jsonPath("$.group.rules[?(@.rule == 'an authorised agency')].met").isEqualTo(List.of(false))
                .jsonPath("$.travellers[0].answer.reasons[0].code").isEqualTo("AGENCY_NOT_AUTHORISED");
    }

    @Test
    void in_a_mixed_group_a_citizen_coming_home_is_not_counted_and_needs_no_visa() {
        web.post().uri("/api/visa/eligibility/batch").header("X-Agency-Group-Tours", "true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"destination":"CN","purpose":"TOURISM","entryDate":"2027-01-06","exitDate":"2027-01-10",
                         "travellers":[%s,{"travellerId":"li","nationality":"CN","passportType":"ORDINARY"}]}"""
                        .formatted(travellers(4)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.group.counted.length()").isEqualTo(4)
                .jsonPath("$.group.notCounted[0].travellerId").isEqualTo("li")
                .jsonPath("$.group.notCounted[0].why").value(why -> assertThat((String) why).contains("not a visitor"))
                .jsonPath("$.travellers[4].answer.eligible").isEqualTo(true)
                .jsonPath("$.travellers[4].answer.citizen").isEqualTo(true)
                .jsonPath("$.travellers[0].answer.reasons[0].code").isEqualTo("GROUP_SIZE");
    }

    @Test
    void a_group_of_four_is_too_small_and_the_group_rule_says_so() {
        web.post().uri("/api/visa/eligibility/batch").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"destination":"CN","purpose":"TOURISM","entryDate":"2027-01-06","exitDate":"2027-01-10",
                         "travellers":[%s]}""".formatted(travellers(4)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.group.allEligible").isEqualTo(false)
                .jsonPath("$.group.ineligible.length()").isEqualTo(4)
                .jsonPath("$.travellers[0].answer.reasons[0].code").isEqualTo("GROUP_SIZE")
                .jsonPath("$.group.rules[0].met").isEqualTo(false);
    }

    @Test
    void unknown_country_codes_are_400s_naming_the_field() {
        invalid("""
                {"nationality":"XX","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09"}""", "nationality");
        invalid("""
                {"nationality":"RU","destination":"China","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09"}""", "destination");
    }

    @Test
    void an_exit_before_the_entry_is_a_400() {
        invalid("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-05"}""", "exitDate");
    }

    @Test
    void dates_absurdly_far_away_are_400s() {
        invalid("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2099-01-06","exitDate":"2099-01-09"}""", "entryDate");
        invalid("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2029-01-09"}""", "exitDate");
    }

    @Test
    void missing_fields_are_each_named() {
        check("{\"nationality\":\"RU\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'destination')]").exists()
                .jsonPath("$.errors[?(@.field == 'passportType')]").exists()
                .jsonPath("$.errors[?(@.field == 'purpose')]").exists()
                .jsonPath("$.errors[?(@.field == 'entryDate')]").exists()
                .jsonPath("$.errors[?(@.field == 'exitDate')]").exists();
    }

    @Test
    void an_entry_date_given_as_a_number_is_a_400_not_a_day_in_1970() {
        check("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":12,"exitDate":"2027-01-09"}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("entryDate")
                .jsonPath("$.errors[0].message").isEqualTo("must be a date (YYYY-MM-DD), not 12");
    }

    @Test
    void an_unknown_purpose_is_a_400_listing_the_purposes() {
        check("""
                {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"SHOPPING",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09"}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("purpose")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("TOURISM"));
    }

    @Test
    void a_citizen_entering_their_own_country_needs_no_visa_and_is_told_so() {
        check("""
                {"nationality":"RU","destination":"RU","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-01-06","exitDate":"2027-01-09"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.eligible").isEqualTo(true)
                .jsonPath("$.citizen").isEqualTo(true)
                .jsonPath("$.policyId").doesNotExist()
                .jsonPath("$.conditions[0]").value(condition -> assertThat((String) condition)
                        .contains("as a citizen of Russia"));
    }

    private WebTestClient.ResponseSpec check(String body) {
        return web.post().uri("/api/visa/eligibility").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private void invalid(String body, String field) {
        check(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    private static String travellers(int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            list.append(i > 1 ? "," : "").append("{\"travellerId\":\"t").append(i)
                    .append("\",\"nationality\":\"RU\",\"passportType\":\"ORDINARY\"}");
        }
        return list.toString();
    }
}
