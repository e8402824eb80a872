package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Which change states are open is written twice, once per language: {@link ChangeState#open()}
 * for the Java side and the {@code open_changes} view (V14) for set-wise reads by other modules.
 * Every state is tried against both; a state added to one but not the other fails here.
 */
class OpenChangesViewTests extends PortalIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@EnumSource(ChangeState.class)
	void theViewListsExactlyTheChangesJavaCallsOpen(ChangeState state) {
		String ref = "open-" + UUID.randomUUID();
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Open view test', 'SANDBOX')
				returning id""", Long.class, ref);
		long number = jdbc.queryForObject("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, inventory_state, status)
				values ('+12065550111', ?, 'SINCH', ?, 'Available', 'Active') returning id""", Long.class, account, ref);
		long change = jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, attempts, requested_by)
				values (?, 'RENAME', array['name'], '{}', ?, 0, 'operator') returning id""", Long.class, number, state.name());
		boolean listed = jdbc.queryForObject("select exists (select 1 from open_changes where id = ?)", Boolean.class, change);
		assertThat(listed).as(state + " in open_changes").isEqualTo(state.open());
	}

	@org.junit.jupiter.api.Test
	void someStatesAreOpenAndSomeAreNot() {
		assertThat(Arrays.stream(ChangeState.values()).filter(ChangeState::open)).isNotEmpty();
		assertThat(Arrays.stream(ChangeState.values()).filter(state -> !state.open())).isNotEmpty();
	}
}
