package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxSinchProject;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Renting numbers through the outbox, against the sandbox over HTTP and the real Postgres: the
 * number is in the mirror as Provisioning the moment it is asked for and settles when the
 * carrier's provisioning does; an unanswered :rent is looked up, never sent twice; the daily
 * limit refuses a cart without a trace; a refused rent leaves the number released on its timeline.
 * Each test rents numbers it put on offer itself (area code 298, no one else's).
 */
class RentingNumbersTests extends PortalIntegrationTest {

	static final Duration SETTLES = Duration.ofSeconds(40);

	@Autowired
	NumberPurchases purchases;

	@Autowired
	PendingChanges changes;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxJournal journal;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void theProjectHasThePlanCampaignAndApp() {
		SandboxSinchProject.has(sandbox.jdbc(), "sp-rent-01", "CRENT01");
		SandboxSinchProject.hasVoiceApp(sandbox.jdbc(), "app-rent-01");
	}

	/**
	 * The numbers this test bought (area code 298) leave the mirror and the sandbox again, so a
	 * later test comparing the mirror with the carriers finds them equal.
	 */
	@AfterEach
	void healthySandboxAndNoTrace() {
		faults.clearAll();
		SecurityContextHolder.clearContext();
		Eventually.until(SETTLES, "this test's rents to settle",
				() -> jdbc.queryForObject("""
						select count(*) from open_changes c join phone_numbers p on p.id = c.phone_number_id
						where p.number like '+1298%'""", Long.class), open -> open == 0);
		// cascades to the number's changes and timeline
		jdbc.update("delete from phone_numbers where number like '+1298%'");
		sandbox.jdbc().sql("delete from sinch_numbers where phone_number like '+1298%'").update();
		sandbox.jdbc().sql("delete from sinch_available_numbers where phone_number like '+1298%'").update();
		sandbox.jdbc().sql("delete from flowroute_numbers where id like '1298%'").update();
		sandbox.jdbc().sql("delete from flowroute_available_numbers where id like '1298%'").update();
	}

	String offer(String setup, String capabilities) {
		while (true) {
			String number = "+1298" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = sandbox.jdbc()
				.sql("""
						insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency,
						    setup_amount, monthly_amount)
						values (:number, 'US', 'LOCAL', string_to_array(:caps, ','), 'USD', :setup::numeric, 1.00)
						on conflict do nothing""")
				.param("number", number)
				.param("caps", capabilities)
				.param("setup", setup)
				.update();
			if (inserted == 1) {
				return number;
			}
		}
	}

	ProviderAccount sinch() {
		return accounts.all().stream().filter(a -> a.provider() == ProviderKind.SINCH).findFirst().orElseThrow();
	}

	PortalPrincipal principal(String username) {
		return (PortalPrincipal) users.loadUserByUsername(username);
	}

	List<Change> rent(String number, String name) {
		PortalPrincipal admin = principal("admin");
		return SignedIn.during(admin, () -> purchases.rent(admin,
				new RentOrder(sinch().id(), List.of(number), "sp-rent-01", "CRENT01", null, null, name)));
	}

	Map<String, Object> row(String number) {
		return jdbc.queryForMap("select * from phone_numbers where number = ? and provider = 'SINCH'", number);
	}

	Change settled(Change change) {
		return Eventually.until(SETTLES, "rent " + change.id() + " settles", () -> changes.find(change.id()).orElseThrow(),
				now -> !now.state().open());
	}

	List<String> eventTypes(long numberId) {
		return jdbc.queryForList("select type from number_events where phone_number_id = ? order by id", String.class,
				numberId);
	}

	int rentalsAtTheSandbox(String number) {
		return sandbox.jdbc()
			.sql("select count(*) from sinch_numbers where phone_number = ?")
			.param(number)
			.query(Integer.class)
			.single();
	}

	@Test
	void aRentIsProvisioningInTheMirrorAtOnceAndSettlesReadyForSms() {
		String number = offer("0.00", "SMS,VOICE");
		Change change = rent(number, "Growth rented line").get(0);

		assertThat(change.kind()).isEqualTo(ChangeKind.RENT);
		Map<String, Object> asked = row(number);
		assertThat(asked.get("status")).isEqualTo("Provisioning");
		assertThat(asked.get("inventory_state")).isEqualTo("Pending verification");
		assertThat(asked.get("name")).isEqualTo("Growth rented line");
		assertThat(asked.get("provider_order_status")).isEqualTo("RENTING");
		assertThat(asked.get("sms_provisioning_target_campaign_id")).isEqualTo("CRENT01");

		Change done = settled(change);
		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		Map<String, Object> settled = row(number);
		assertThat(settled.get("status")).isEqualTo("Active");
		assertThat(settled.get("sms_service_plan_id")).isEqualTo("sp-rent-01");
		assertThat(settled.get("ten_dlc_campaign_id")).isEqualTo("CRENT01");
		assertThat(settled.get("name")).as("named at the carrier too").isEqualTo("Growth rented line");
		assertThat(settled.get("provider_order_status")).isEqualTo("RENTED");
		long id = ((Number) settled.get("id")).longValue();
		assertThat(eventTypes(id)).startsWith("RENT_REQUESTED").contains("CHANGE_STEP", "RENTED");
		assertThat(rentalsAtTheSandbox(number)).isEqualTo(1);
		assertThat(sandbox.jdbc().sql("select display_name from sinch_numbers where phone_number = ?").param(number)
			.query(String.class).single()).as("the rent named it at the carrier").isEqualTo("Growth rented line");
	}

	@Test
	void aRentWhoseAnswerWasLostIsLookedUpAtTheCarrierAndNotBoughtTwice() {
		String number = offer("0.00", "SMS,VOICE");
		String digits = number.substring(1);
		faults.set(SandboxApi.SINCH, "rent", Fault.lostAnswers(1.0));
		Change change = rent(number, "Lost answer line").get(0);
		Eventually.until(SETTLES, "the carrier receives the :rent",
				() -> journal.matching(entry -> entry.path().contains(digits)),
				found -> found.stream().anyMatch(entry -> entry.method().equals("POST")));
		// from here a second :rent would be answered (and counted)
		faults.clearAll();

		Change done = settled(change);

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		List<SandboxJournal.Entry> requests = journal.matching(entry -> entry.path().contains(digits));
		List<String> rents = requests.stream()
			.filter(entry -> entry.method().equals("POST") && entry.path().endsWith(":rent"))
			.map(SandboxJournal.Entry::path)
			.toList();
		assertThat(rents).as("rented exactly once").hasSize(1);
		List<String> methods = requests.stream().map(SandboxJournal.Entry::method).toList();
		assertThat(methods.subList(methods.indexOf("POST") + 1, methods.size())).as("after the unanswered :rent")
			.first()
			.isEqualTo("GET");
		assertThat(rentalsAtTheSandbox(number)).as("the sandbox holds one rental").isEqualTo(1);
		assertThat(row(number).get("provider_order_status")).isEqualTo("RENTED");
	}

	@Test
	void aCartBeyondTheDailyLimitIsRefusedAndNothingIsRecorded() {
		PortalPrincipal admin = principal("admin");
		BigDecimal spent = SignedIn.during(admin, () -> purchases.spentToday());
		BigDecimal left = purchases.limits().dailyLimit().subtract(spent);
		// its setup alone takes what is left; with the first month it is one dollar too many
		String dear = offer(left.max(BigDecimal.ZERO).toPlainString(), "SMS,VOICE");
		long changesBefore = jdbc.queryForObject("select count(*) from pending_changes", Long.class);

		EditRefused refused = catchThrowableOfType(EditRefused.class, () -> rent(dear, "Too dear"));

		assertThat(refused.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("numbers");
			assertThat(problem.message()).contains("daily limit of 100.00 USD");
		});
		assertThat(jdbc.queryForObject("select count(*) from phone_numbers where number = ?", Long.class, dear)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from pending_changes", Long.class)).isEqualTo(changesBefore);
		assertThat(rentalsAtTheSandbox(dear)).isZero();
	}

	@Test
	void aRentTheCarrierRefusesLeavesTheNumberReleasedOnItsTimeline() {
		String number = offer("0.00", "SMS,VOICE");
		Change change = rent(number, "Taken meanwhile").get(0);
		// someone else was quicker: the carrier no longer offers it
		sandbox.jdbc().sql("delete from sinch_available_numbers where phone_number = ?").param(number).update();

		Change done = settled(change);

		if (done.state() == ChangeState.SUCCEEDED) {
			// the dispatcher was quicker than the delete: then it was bought, once
			assertThat(rentalsAtTheSandbox(number)).isEqualTo(1);
			return;
		}
		assertThat(done.state()).isEqualTo(ChangeState.FAILED);
		assertThat(done.providerCode()).isEqualTo("NOT_FOUND");
		Map<String, Object> row = row(number);
		assertThat(row.get("provider_order_status")).isEqualTo("NOT_RENTED");
		assertThat(row.get("provider_released_at")).isNotNull();
		long id = ((Number) row.get("id")).longValue();
		assertThat(eventTypes(id)).contains("RENT_REQUESTED", "CHANGE_FAILED");

		// on offer again later: bought anew, on the same record, its history kept
		sandbox.jdbc().sql("""
				insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency, setup_amount,
				    monthly_amount) values (?, 'US', 'LOCAL', array['SMS','VOICE'], 'USD', 0.00, 1.00)""").param(number).update();
		Change again = settled(rent(number, "Bought after all").get(0));
		assertThat(again.state()).as(again.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		Map<String, Object> bought = row(number);
		assertThat(((Number) bought.get("id")).longValue()).isEqualTo(id);
		assertThat(bought.get("provider_released_at")).isNull();
		assertThat(bought.get("provider_order_status")).isEqualTo("RENTED");
		assertThat(bought.get("name")).isEqualTo("Bought after all");
		assertThat(eventTypes(id)).contains("CHANGE_FAILED", "RENTED");
		assertThat(rentalsAtTheSandbox(number)).isEqualTo(1);
	}

	@Test
	void aNumberTheAccountHoldsIsNotBoughtAgain() {
		String number = offer("0.00", "SMS,VOICE");
		settled(rent(number, "Held").get(0));
		// offered again by mistake: the mirror says the account has it
		sandbox.jdbc().sql("""
				insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency, setup_amount,
				    monthly_amount) values (?, 'US', 'LOCAL', array['SMS','VOICE'], 'USD', 0.00, 1.00)""").param(number).update();
		EditRefused refused = catchThrowableOfType(EditRefused.class, () -> rent(number, "Twice"));
		assertThat(refused.getMessage()).contains("already in the inventory");
		assertThat(rentalsAtTheSandbox(number)).isEqualTo(1);
	}

	@Test
	void aSetupTheNumbersCannotTakeIsRefusedBeforeAnythingIsBought() {
		String voiceOnly = offer("0.00", "VOICE");
		PortalPrincipal admin = principal("admin");
		EditRefused refused = catchThrowableOfType(EditRefused.class, () -> SignedIn.during(admin,
				() -> purchases.rent(admin, new RentOrder(sinch().id(), List.of(voiceOnly), "sp-rent-01", null, null, null,
						null))));
		assertThat(refused.problems()).extracting(p -> p.field()).containsExactly("servicePlanId");
		assertThat(jdbc.queryForObject("select count(*) from phone_numbers where number = ?", Long.class, voiceOnly))
			.isZero();
	}

	@Test
	void aFlowroutePurchaseIsProvisioningUntilBoughtAndNamedAtTheCarrier() {
		String id;
		while (true) {
			id = "1298" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			if (sandbox.jdbc().sql("""
					insert into flowroute_available_numbers (id, number_type, rate_center, state, iso_country, monthly_cost,
					    setup_cost, inbound_rate, rate_type, tier)
					values (?, 'longcode', 'sttlwa0101', 'wa', 'US', 1.25, 0.00, 0.0120, 'local', 'Standard')
					on conflict do nothing""").param(id).update() == 1) {
				break;
			}
		}
		ProviderAccount flowroute = accounts.all().stream().filter(a -> a.provider() == ProviderKind.FLOWROUTE)
			.findFirst().orElseThrow();
		PortalPrincipal admin = principal("admin");
		String bought = id;
		Change change = SignedIn.during(admin, () -> purchases.rent(admin,
				new RentOrder(flowroute.id(), List.of(bought), null, null, null, null, "Seattle bought line"))).get(0);

		Map<String, Object> asked = jdbc.queryForMap("select * from phone_numbers where provider = 'FLOWROUTE' and number = ?",
				"+" + id);
		assertThat(asked.get("status")).as("no setup to wait for, yet not bought").isEqualTo("Provisioning");

		Change done = settled(change);
		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		Map<String, Object> settled = jdbc.queryForMap(
				"select * from phone_numbers where provider = 'FLOWROUTE' and number = ?", "+" + id);
		assertThat(settled.get("status")).isEqualTo("Active");
		assertThat(settled.get("provider_order_status")).isEqualTo("RENTED");
		assertThat(sandbox.jdbc().sql("select alias from flowroute_numbers where id = ?").param(id).query(String.class)
			.single()).isEqualTo("Seattle bought line");
	}
}
