package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.Flashed;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The edit forms of a number's page over HTTP: every refusal comes back to the form as a field
 * error (or the conflict message) with nothing stored and nothing queued for a carrier; unknown
 * forms and numbers are 404s; viewers are refused (403). What reaches the carriers is
 * EditsReachTheCarrierTests' subject; these numbers belong to an account no carrier serves.
 */
class NumberEditFormsTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	long us;

	long gb;

	@BeforeEach
	void numbers() {
		String tag = "forms-" + UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Edit forms test', 'SANDBOX') returning id""", Long.class, tag);
		us = number(account, tag + "-us", "US", "+1558" + suffix(tag, 1));
		gb = number(account, tag + "-gb", "GB", "+447558" + suffix(tag, 2));
	}

	static String suffix(String tag, int salt) {
		return String.valueOf(1_000_000 + Math.floorMod((tag + salt).hashCode(), 8_999_999));
	}

	long number(long account, String providerId, String region, String e164) {
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, sms_service_plan_id, inventory_state, status)
				values (?, 'Front desk', ?, 'LOCAL', ?, 'SINCH', ?, true, true, 'sp-1', 'Available', 'Active')
				returning id""", Long.class, e164, region, account, providerId);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder edit(long number, String form, String... fields) {
		MockHttpServletRequestBuilder request = post("/numbers/" + number + "/edits/" + form).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	Map<String, Object> row(long number) {
		return jdbc.queryForMap("select name, version, enabled, campaign_id from phone_numbers where id = ?", number);
	}

	int changes(long number) {
		return jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Integer.class, number);
	}

	void refused(long number, MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		Map<String, Object> before = row(number);
		mvc.perform(request.with(as("operator")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/numbers/" + number))
			.andExpect(flash().attribute(ERRORS, errorOn(field, message)));
		assertThat(row(number)).isEqualTo(before);
		assertThat(changes(number)).isZero();
	}

	/** Where the form's errors travel to the page: the edit form's binding result ("" is the form as a whole). */
	static final String ERRORS = BindingResult.MODEL_KEY_PREFIX + NumberEditController.FORM;

	static Matcher<Object> errorOn(String field, String message) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(Object item) {
				if (!(item instanceof BindingResult result)) {
					return false;
				}
				List<? extends ObjectError> errors = field.isEmpty() ? result.getGlobalErrors() : result.getFieldErrors(field);
				return errors.stream().anyMatch(e -> String.valueOf(e.getDefaultMessage()).contains(message));
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("an error on \"" + field + "\" saying " + message);
			}
		};
	}

	/** A third number of the account, with a plan and a 10DLC campaign the account has thereby "seen". */
	long seenElsewhere() {
		long other = jdbc.queryForObject("select provider_account_id from phone_numbers where id = ?", Long.class, us);
		long id = number(other, "seen-" + UUID.randomUUID().toString().substring(0, 8), "US",
				"+1559" + suffix(UUID.randomUUID().toString(), 3));
		jdbc.update("update phone_numbers set sms_service_plan_id = 'sp-seen-2', ten_dlc_campaign_id = 'CSEEN1' where id = ?",
				id);
		return id;
	}

	@Test
	void everyFormOfTheNumbersPageTakesItsHtmxWiringFromOneContainer() throws Exception {
		String page = mvc.perform(get("/numbers/" + us).with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int container = page.indexOf("<div class=\"number-forms\"");
		int after = page.indexOf("id=\"pending-changes\"");
		assertThat(container).as("the forms' container").isPositive().isLessThan(after);
		assertThat(page.substring(container, page.indexOf('>', container)))
			.contains("hx-target=\"closest .number-detail\"", "hx-select=\".number-detail\"",
					"hx-select-oob=\"#toasts\"", "hx-swap=\"outerHTML\"");
		java.util.regex.Matcher forms = java.util.regex.Pattern.compile("<form[^>]*hx-post=[^>]*>").matcher(page);
		int count = 0;
		while (forms.find()) {
			count++;
			assertThat(forms.start()).as(forms.group()).isBetween(container, after);
			assertThat(forms.group()).doesNotContain("hx-target", "hx-select", "hx-swap");
		}
		// rename, SMS, business campaign, voice app, enable, release, override request, SMS and call warmup
		assertThat(count).isGreaterThanOrEqualTo(8);
		assertThat(page.split("hx-select-oob", -1)).as("the wiring is written once").hasSize(2);
	}

	@Test
	void theSmsFormOffersThePlansAndCampaignsTheAccountsNumbersHaveHad() throws Exception {
		seenElsewhere();
		String page = mvc.perform(get("/numbers/" + us).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("list=\"known-plans\"", "list=\"known-campaigns\"")
			.contains("<datalist id=\"known-plans\"><option value=\"sp-1\"></option><option value=\"sp-seen-2\"></option></datalist>")
			.contains("<datalist id=\"known-campaigns\"><option value=\"CSEEN1\"></option></datalist>");
	}

	@Test
	void anSmsIdNeverSeenOnTheAccountIsSentOnlyWhenSentAgain() throws Exception {
		seenElsewhere();
		mvc.perform(edit(us, "sms", "servicePlanId", "sp-does-not-exist", "campaignId", "CSEEN1").with(as("operator")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/numbers/" + us))
			.andExpect(flash().attribute("editWarnings",
					hasEntry(org.hamcrest.Matchers.is("servicePlanId"), containsString("sp-does-not-exist"))))
			.andExpect(flash().attribute("editWarnings",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("campaignId"))))
			.andExpect(flash().attribute("editConfirm", "sp-does-not-exist CSEEN1"));
		assertThat(changes(us)).as("nothing sent yet").isZero();

		String page = mvc.perform(get("/numbers/" + us).with(as("operator"))
			.with(Flashed.with(Map.of("editKind", "sms", NumberEditController.FORM,
					new EditForm(null, null, "sp-does-not-exist", "CSEEN1", null, null, null, null, null, null, null),
					"editWarnings", Map.of("servicePlanId", "never had sp-does-not-exist"),
					"editConfirm", "sp-does-not-exist CSEEN1"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"servicePlanId-warning\"", "never had sp-does-not-exist", "Reassign anyway",
				"name=\"confirmed\" value=\"sp-does-not-exist CSEEN1\"");

		// another unseen id than the one confirmed is asked about again
		mvc.perform(edit(us, "sms", "servicePlanId", "sp-other-typo", "campaignId", "CSEEN1", "confirmed",
				"sp-does-not-exist CSEEN1").with(as("operator")))
			.andExpect(flash().attribute("editWarnings", hasEntry(org.hamcrest.Matchers.is("servicePlanId"),
					containsString("sp-other-typo"))));
		assertThat(changes(us)).isZero();

		mvc.perform(edit(us, "sms", "servicePlanId", "sp-does-not-exist", "campaignId", "CSEEN1", "confirmed",
				"sp-does-not-exist CSEEN1").with(as("operator")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("editWarnings", org.hamcrest.Matchers.nullValue()));
		assertThat(changes(us)).as("sent once confirmed").isEqualTo(1);
	}

	@Test
	void seenIdsAreSentAtOnceAndBadInputIsStillRefusedFirst() throws Exception {
		seenElsewhere();
		refused(gb, edit(gb, "sms", "servicePlanId", "sp-never", "campaignId", "C123"), "campaignId", "US numbers only");
		mvc.perform(edit(us, "sms", "servicePlanId", "sp-seen-2", "campaignId", "CSEEN1").with(as("operator")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("editWarnings", org.hamcrest.Matchers.nullValue()));
		assertThat(changes(us)).isEqualTo(1);
	}

	@Test
	void theBulkFormOffersTheKnownIdsAndItsDryRunWarnsAboutAnUnseenOne() throws Exception {
		seenElsewhere();
		String choose = mvc.perform(get("/changes/bulk").with(as("operator")).param("ids", String.valueOf(us)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(choose).contains("list=\"bulk-known-plans\"")
			.contains("<datalist id=\"bulk-known-plans\"><option value=\"sp-1\"></option><option value=\"sp-seen-2\"></option></datalist>")
			.contains("<datalist id=\"bulk-known-campaigns\"><option value=\"CSEEN1\"></option></datalist>");

		String preview = mvc.perform(post("/changes/bulk/preview").with(as("operator"))
			.with(csrf())
			.param("ids", String.valueOf(us))
			.param("kind", "SMS_CONFIGURATION")
			.param("servicePlanId", "sp-does-not-exist")
			.param("campaignId", "CSEEN1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("id=\"bulk-servicePlanId-warning\"", "sp-does-not-exist")
			.doesNotContain("bulk-campaignId-warning");
		assertThat(changes(us)).as("a dry run sends nothing").isZero();
	}

	@Test
	void everyFormRefusesBadInputNextToItsFieldAndChangesNothing() throws Exception {
		refused(us, edit(us, "rename", "name", "   "), "name", "A name is required.");
		refused(us, edit(us, "rename", "name", "n".repeat(256)), "name", "At most 255 characters");
		refused(us, edit(us, "rename", "name", "two\nlines"), "name", "one line");
		refused(us, edit(us, "sms", "servicePlanId", "<script>alert(1)</script>", "campaignId", ""), "servicePlanId",
				"letters, digits");
		refused(gb, edit(gb, "sms", "servicePlanId", "sp-2", "campaignId", "C123"), "campaignId", "US numbers only");
		refused(us, edit(us, "campaign", "businessCampaignId", "'; drop table phone_numbers; --"), "businessCampaignId",
				"letters, digits");
		refused(us, edit(us, "voice", "appId", ""), "appId", "is required");
		refused(us, edit(us, "cnam", "enabled", "true"), "enabled", "Flowroute setting");
		refused(us, edit(us, "enablement", "enabled", "maybe"), "enabled", "Choose on or off");
		refused(us, edit(us, "rename", "name", "Front desk"), "name", "Nothing to change");
		refused(us, edit(us, "rename", "name", "New desk", "version", "abc"), "", "out of date");
	}

	@Test
	void anEditBasedOnAValueSomeoneElseChangedIsAConflictThatShowsTheNewValue() throws Exception {
		long seen = (Long) row(us).get("version");
		jdbc.update("update phone_numbers set name = 'Renamed by someone else', version = version + 1 where id = ?", us);

		EditForm kept = (EditForm) mvc
			.perform(edit(us, "rename", "name", "My name", "version", String.valueOf(seen), "basedOn", "Front desk")
				.with(as("operator")))
			.andExpect(redirectedUrl("/numbers/" + us))
			.andExpect(flash().attribute("editConflict", containsString("Renamed by someone else")))
			.andReturn()
			.getFlashMap()
			.get(NumberEditController.FORM);
		assertThat(kept.name()).as("the value typed, kept for the form").isEqualTo("My name");
		assertThat(row(us).get("name")).isEqualTo("Renamed by someone else");
		assertThat(changes(us)).isZero();
	}

	@Test
	void aValidLocalEditIsRecordedAtOnce() throws Exception {
		mvc.perform(edit(us, "campaign", "businessCampaignId", "spring-promo").with(as("operator")))
			.andExpect(redirectedUrl("/numbers/" + us))
			.andExpect(flash().attributeExists("toast"))
			.andExpect(flash().attribute(ERRORS, org.hamcrest.Matchers.nullValue()));
		assertThat(row(us).get("campaign_id")).isEqualTo("spring-promo");
		assertThat(jdbc.queryForObject("select state from pending_changes where phone_number_id = ?", String.class, us))
			.isEqualTo("SUCCEEDED");
	}

	@Test
	void unknownFormsAndNumbersAreNotFoundAndViewersAreForbidden() throws Exception {
		mvc.perform(edit(us, "explode", "x", "y").with(as("operator"))).andExpect(status().isNotFound());
		mvc.perform(post("/numbers/abc/edits/rename").with(csrf()).param("name", "x").with(as("operator")))
			.andExpect(status().isNotFound());
		mvc.perform(edit(999_999_999L, "rename", "name", "x").with(as("operator"))).andExpect(status().isNotFound());
		mvc.perform(edit(us, "rename", "name", "Viewer was here").with(as("viewer"))).andExpect(status().isForbidden());
		mvc.perform(edit(us, "release", "reason", "operators may not").with(as("operator")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/numbers/" + us + "/edits/rename").param("name", "no token").with(as("operator")))
			.andExpect(status().isForbidden());
		assertThat(row(us).get("name")).isEqualTo("Front desk");
		assertThat(changes(us)).isZero();
	}

	@Test
	void theFormsErrorsAreShownOnTheNumbersPage() throws Exception {
		EditForm typed = new EditForm(null, "<b>typed</b>", null, null, null, null, null, null, null, null, null);
		BindingResult errors = new BeanPropertyBindingResult(typed, NumberEditController.FORM);
		errors.rejectValue("name", "refused", "A name is required.");
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/numbers/" + us)
			.with(Flashed.with(Map.of("editKind", "rename", NumberEditController.FORM, typed, ERRORS, errors)))
			.with(as("operator"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"name-errors\"", "A name is required.", "value=\"&lt;b&gt;typed&lt;/b&gt;\"")
			.doesNotContain("<b>typed</b>");
	}

	@Test
	void theFormsOwnChecksAnswerNextToTheFieldInThePortalsWordsAndChangeNothing() throws Exception {
		refused(us, edit(us, "rename", "name", "n".repeat(EditForm.TEXT_MAX + 1)), "name", "Use at most 1000 characters.");

		// the page the redirect leads to shows the message under the field, through the shared field fragment
		Map<String, Object> flash = mvc.perform(edit(us, "campaign", "businessCampaignId", "c".repeat(1001))
			.with(as("operator"))).andReturn().getFlashMap();
		String page = mvc.perform(get("/numbers/" + us).with(as("operator")).with(Flashed.with(flash)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<div class=\"invalid-feedback d-block\" id=\"businessCampaignId-errors\">Use at most 1000 characters.</div>");
		assertThat(page.split("invalid-feedback d-block\" id=", -1)).as("only that field has an error").hasSize(2);

		// the override request and the warmup pause forms answer the same way
		Map<String, Object> override = mvc.perform(post("/numbers/" + us + "/override").with(csrf())
			.with(as("operator"))
			.param("enabled", "maybe")
			.param("reason", "Carrier asked")).andExpect(redirectedUrl("/numbers/" + us)).andReturn().getFlashMap();
		assertThat(override.get(BindingResult.MODEL_KEY_PREFIX + "overrideForm"))
			.matches(errorOn("enabled", "Choose force enabled or force disabled.")::matches);
		assertThat(mvc.perform(get("/numbers/" + us).with(as("operator")).with(Flashed.with(override)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"override-enabled-errors\">Choose force enabled or force disabled.</div>",
					"value=\"Carrier asked\"");
		Map<String, Object> pause = mvc.perform(post("/numbers/" + us + "/warmup/sms/pause").with(csrf())
			.with(as("operator"))
			.param("reason", "r".repeat(201))).andExpect(redirectedUrl("/numbers/" + us)).andReturn().getFlashMap();
		assertThat(pause.get(BindingResult.MODEL_KEY_PREFIX + "warmupForm"))
			.matches(errorOn("reason", "A pause reason is at most 200 characters.")::matches);
		assertThat(jdbc.queryForObject("select count(*) from override_requests where phone_number_id = ?", Integer.class,
				us)).isZero();
		assertThat(changes(us)).isZero();
	}

	@Test
	void theBulkFormShowsWhatIsWrongNextToTheFieldAndChangesNothing() throws Exception {
		String page = mvc.perform(post("/changes/bulk/preview").with(as("operator"))
			.with(csrf())
			.param("ids", String.valueOf(us))
			.param("kind", "ENABLEMENT"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"bulk-error\"",
				"id=\"bulk-enabled-errors\">Say whether Enabled should be switched on or off.</div>");
		String kind = mvc.perform(post("/changes/bulk").with(as("operator"))
			.with(csrf())
			.param("ids", String.valueOf(us))
			.param("kind", "RENAME")
			.param("name", "Bulk name"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(kind).contains("id=\"bulk-kind-errors\">Unknown edit &quot;RENAME&quot;: choose one of the edits listed.</div>");
		String onOff = mvc.perform(post("/changes/bulk").with(as("operator"))
			.with(csrf())
			.param("ids", String.valueOf(us))
			.param("kind", "ENABLEMENT")
			.param("enabled", "maybe"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(onOff).contains("id=\"bulk-enabled-errors\">Choose on or off.</div>");
		assertThat(changes(us)).isZero();
		assertThat(row(us).get("name")).isEqualTo("Front desk");
	}
}
