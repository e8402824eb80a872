package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.InventoryState;
import com.numberops.portal.numbers.NumberStatus;
import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 003 is the contract: this test reads it ({@code src/test/resources/api/seed-003.txt}, a
 * verbatim copy of the shared seed; see SOURCE.txt there) and walks its field lists, the Body's
 * and the Response's, and its example documents, against the portal's answers: every field there
 * by its name, of the JSON type the seed gives it (null only where it says "| null"), every date
 * a date-time, every int32 string matching its pattern, every enum value one of the seed's labels
 * and the portal's enums holding exactly those labels, every nested object with the example's
 * keys and no other. The request side: the PUT takes exactly the seed's body fields, and a body
 * shaped like the seed's example is accepted. The only field the portal adds is {@code links}.
 */
class Seed003ContractTests extends PortalIntegrationTest {

	private static final Pattern TYPE = Pattern
		.compile("(string|boolean|object|object\\[\\]|enum<string>|string<date-time>|string<int32>)( \\| null)?");

	private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

	private static final Pattern INT32 = Pattern.compile("^-?(?:0|[1-9]\\d*)$");

	/** The fields the portal adds to the seed's (a client of the seed ignores them). */
	private static final Set<String> ADDED = Set.of("links");

	/** One field of a seed list: its type, whether it may be null, the enum's labels. */
	record SeedField(String name, String type, boolean nullable, List<String> options) {
	}

	/** The seed: the Body and Response field lists, and the request and response examples. */
	record Seed(Map<String, SeedField> body, Map<String, SeedField> response, JsonNode requestExample,
			JsonNode responseExample) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	static Seed seed;

	ApiNumbers fleet;

	long number;

	PortalPrincipal operator;

	@BeforeEach
	void readTheSeedAndFillANumber() throws IOException {
		if (seed == null) {
			seed = read(json);
		}
		fleet = new ApiNumbers(jdbc);
		long team = fleet.team("contract");
		number = fleet.number("Contract desk", team);
		// every section set, the override too (absent, the seed's object is null)
		jdbc.update("""
				update phone_numbers set override_enabled = true, override_reason = 'Carrier asked',
				    override_updated_by_user_id = '1', override_updated_at = now(), provider_error = 'none',
				    provider_release_reason = 'not released', warmup_pause_reason = 'none', call_warmup_pause_reason = 'none',
				    ten_dlc_failure_reason = 'none', ten_dlc_last_provider_event_id = 'ev-1'
				where id = ?""", number);
		operator = fleet.person(users, Role.OPERATOR, team);
	}

	static Seed read(JsonMapper json) throws IOException {
		String text;
		try (InputStream in = Seed003ContractTests.class.getResourceAsStream("/api/seed-003.txt")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> lines = text.lines().toList();
		int body = lines.indexOf("Body");
		int response = lines.indexOf("Response");
		assertThat(body).as("the seed's Body section").isPositive();
		assertThat(response).as("the seed's Response section").isGreaterThan(body);
		List<JsonNode> examples = new ArrayList<>();
		for (int start = text.indexOf("\n{\n"); start >= 0; start = text.indexOf("\n{\n", start + 1)) {
			int end = text.indexOf("\n}\n", start);
			examples.add(json.readTree(text.substring(start + 1, end + 2)));
		}
		assertThat(examples).as("the request and the response example").hasSize(2);
		return new Seed(fields(lines.subList(body, response)), fields(lines.subList(response, lines.size())),
				examples.get(0), examples.get(1));
	}

	/** A field is a name line followed by a type line; an enum's labels follow "Available options:". */
	static Map<String, SeedField> fields(List<String> lines) {
		Map<String, SeedField> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < lines.size(); i++) {
			Matcher type = TYPE.matcher(lines.get(i + 1).strip());
			if (!FIELD.matcher(lines.get(i).strip()).matches() || !type.matches()) {
				continue;
			}
			List<String> options = new ArrayList<>();
			for (int j = i + 2; j < lines.size() && !(j + 1 < lines.size() && TYPE.matcher(lines.get(j + 1).strip()).matches()
					&& FIELD.matcher(lines.get(j).strip()).matches()); j++) {
				if (lines.get(j).strip().equals("Available options:")) {
					for (int k = j + 1; k < lines.size(); k++) {
						String option = lines.get(k).strip();
						options.add(option.endsWith(",") ? option.substring(0, option.length() - 1) : option);
						if (!option.endsWith(",")) {
							break;
						}
					}
					break;
				}
			}
			fields.put(lines.get(i).strip(), new SeedField(lines.get(i).strip(), type.group(1), type.group(2) != null, options));
		}
		return fields;
	}

	@Test
	void theSeedIsReadAsItIsWritten() {
		assertThat(seed.body().keySet()).containsExactly("name", "number", "businessId", "enabled", "adminEnablementOverride", "id");
		assertThat(seed.response()).hasSize(55).containsKeys("providerReleaseHoldStartsAt", "events", "callWarmupStage");
		assertThat(seed.response().get("inventoryState").options()).hasSize(12).contains("Ready for SMS");
	}

	@Test
	void thePortalsEnumsHoldExactlyTheSeedsLabels() {
		assertThat(Arrays.stream(InventoryState.values()).map(InventoryState::value))
			.containsExactlyElementsOf(seed.response().get("inventoryState").options());
		assertThat(Arrays.stream(NumberStatus.values()).map(NumberStatus::value))
			.containsExactlyElementsOf(seed.response().get("status").options());
		assertThat(WarmupState.labels()).containsExactlyElementsOf(seed.response().get("warmupState").options())
			.containsExactlyElementsOf(seed.response().get("healthStatus").options());
		assertThat(CallWarmupState.labels()).containsExactlyElementsOf(seed.response().get("callWarmupState").options());
		assertThat(seed.response().get("callWarmupStage").options()).containsExactly("Stage 0", "Stage 1", "Stage 2",
				"Stage 3", "Stage 4");
	}

	@Test
	void theGetAnswerIsTheSeedsResponse() throws Exception {
		MockHttpServletResponse answer = mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(200);
		checkResponse(json.readTree(answer.getContentAsString()));
	}

	@Test
	void thePutTakesTheSeedsRequestAndAnswersItsResponse() throws Exception {
		// the seed's body fields are exactly the request record's
		assertThat(Arrays.stream(PhoneNumberRequest.class.getRecordComponents()).map(c -> c.getName()))
			.containsExactlyInAnyOrderElementsOf(seed.body().keySet());
		assertThat(Arrays.stream(PhoneNumberRequest.WantedOverride.class.getRecordComponents()).map(c -> c.getName()))
			.containsExactlyInAnyOrderElementsOf(names(seed.requestExample().path("adminEnablementOverride")));
		// the seed's example, with this number's values: every field of it is read, none refused as unknown
		ObjectNode request = (ObjectNode) seed.requestExample().deepCopy();
		Map<String, Object> row = fleet.row(number);
		request.put("name", "Contract desk renamed");
		request.put("number", (String) row.get("number"));
		request.put("businessId", (String) row.get("business_id"));
		request.put("enabled", true);
		request.put("id", String.valueOf(number));
		ObjectNode override = (ObjectNode) request.path("adminEnablementOverride");
		override.put("enabled", true);
		override.put("reason", "Carrier asked");
		MockHttpServletResponse answer = mvc
			.perform(put("/api/phone-numbers/" + number).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(request))
				.with(user(operator))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(202);
		JsonNode document = json.readTree(answer.getContentAsString());
		checkResponse(document);
		assertThat(document.path("name").asString()).isEqualTo("Contract desk renamed");
	}

	/** Every field of the Response list and of the response example, in the answer, as the seed types it. */
	private void checkResponse(JsonNode answer) {
		SoftAssertions softly = new SoftAssertions();
		Set<String> expected = new LinkedHashSet<>(seed.response().keySet());
		expected.addAll(names(seed.responseExample()));
		expected.addAll(ADDED);
		softly.assertThat(names(answer)).as("the answer's fields").containsExactlyInAnyOrderElementsOf(expected);
		for (SeedField field : seed.response().values()) {
			JsonNode value = answer.get(field.name());
			softly.assertThat(value).as(field.name() + " is there").isNotNull();
			if (value == null) {
				continue;
			}
			if (value.isNull()) {
				softly.assertThat(field.nullable()).as(field.name() + " is null, and the seed allows it").isTrue();
				continue;
			}
			switch (field.type()) {
				case "string" -> softly.assertThat(value.isString()).as(field.name() + " is a string").isTrue();
				case "boolean" -> softly.assertThat(value.isBoolean()).as(field.name() + " is a boolean").isTrue();
				case "object" -> softly.assertThat(value.isObject()).as(field.name() + " is an object").isTrue();
				case "object[]" -> {
					softly.assertThat(value.isArray()).as(field.name() + " is an array").isTrue();
					value.forEach(item -> softly.assertThat(item.isObject()).as(field.name() + "[] are objects").isTrue());
				}
				case "string<date-time>" -> softly.assertThat(dateTime(value)).as(field.name() + " is a date-time: " + value).isTrue();
				case "string<int32>" -> softly.assertThat(value.isString() && INT32.matcher(value.asString()).matches())
					.as(field.name() + " is an int32 string: " + value)
					.isTrue();
				case "enum<string>" -> softly.assertThat(value.asString()).as(field.name() + " is one of the seed's labels")
					.isIn(field.options());
				default -> softly.fail("unknown seed type " + field.type());
			}
		}
		// nested objects: the example's keys, and the example's types
		seed.responseExample().properties().forEach(entry -> {
			JsonNode example = entry.getValue();
			if (example.isObject() || example.isArray()) {
				nested(softly, entry.getKey(), example, answer.get(entry.getKey()));
			}
		});
		softly.assertAll();
	}

	private void nested(SoftAssertions softly, String path, JsonNode example, JsonNode actual) {
		if (actual == null) {
			softly.fail(path + " is missing; the seed has " + example);
			return;
		}
		if ((example.isArray() || example.isObject()) && actual.isNull()) {
			softly.fail(path + " is null; the seed has " + example);
			return;
		}
		if (example.isArray()) {
			softly.assertThat(actual.isArray()).as(path + " is an array").isTrue();
			softly.assertThat(actual.size()).as(path + " has items to check").isPositive();
			actual.forEach(item -> nested(softly, path + "[]", example.get(0), item));
			return;
		}
		if (example.isObject()) {
			softly.assertThat(names(actual)).as(path + "'s fields").containsExactlyInAnyOrderElementsOf(names(example));
			example.properties().forEach(entry -> nested(softly, path + "." + entry.getKey(), entry.getValue(),
					actual.get(entry.getKey())));
			return;
		}
		if (example.isBoolean()) {
			softly.assertThat(actual.isBoolean()).as(path + " is a boolean").isTrue();
		}
		else if (example.asString().equals("2023-11-07T05:31:56Z")) {
			softly.assertThat(actual.isNull() || dateTime(actual)).as(path + " is a date-time: " + actual).isTrue();
		}
		else {
			softly.assertThat(actual.isNull() || actual.isString()).as(path + " is a string: " + actual).isTrue();
		}
	}

	private static boolean dateTime(JsonNode value) {
		if (!value.isString()) {
			return false;
		}
		try {
			OffsetDateTime.parse(value.asString());
			return true;
		}
		catch (java.time.format.DateTimeParseException notOne) {
			return false;
		}
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}
}
