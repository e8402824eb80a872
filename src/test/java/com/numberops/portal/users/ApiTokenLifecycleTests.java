package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * A token's life on Postgres: made (only its digest stored), used (last used noted, not on every
 * request), revoked, expired; and who may see and revoke whose: the owner theirs, an admin those
 * of the users within their scope, nobody else anything (another's token is "not found").
 */
class ApiTokenLifecycleTests extends PortalIntegrationTest {

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder encoder;

	String tag;

	@BeforeEach
	void tag() {
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	PortalPrincipal principal(String username) {
		return (PortalPrincipal) userDetails.loadUserByUsername(username);
	}

	String newUser(String prefix, Role role, List<Long> teams) {
		String username = prefix + "-" + tag;
		long id = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, ?, ?, ?) returning id""",
				Long.class, username, "Name of " + username, encoder.encode("long-enough-1"), role.name());
		teams.forEach(team -> jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", id, team));
		return username;
	}

	long newTeam(String name) {
		return jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, name + " " + tag);
	}

	IssuedToken issue(PortalPrincipal owner) {
		return tokens.issue(owner, "ci " + tag, Instant.now().plus(Duration.ofDays(30)));
	}

	@Test
	void onlyTheDigestIsStoredNeverTheToken() throws Exception {
		IssuedToken issued = issue(principal("operator"));

		assertThat(issued.token()).startsWith("np_").hasSize(3 + 43).matches("np_[A-Za-z0-9_-]{43}");
		Map<String, Object> row = jdbc.queryForMap("select * from api_tokens where id = ?", issued.id());
		byte[] expected = MessageDigest.getInstance("SHA-256").digest(issued.token().getBytes(StandardCharsets.UTF_8));
		assertThat((byte[]) row.get("token_digest")).isEqualTo(expected);
		assertThat(row.get("hint")).isEqualTo(issued.token().substring(issued.token().length() - 4));
		String everyColumn = row.values().stream()
			.map(value -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
			.reduce("", String::concat);
		assertThat(everyColumn).doesNotContain(issued.token().substring(3, 20));
		assertThat(issued.toString()).doesNotContain(issued.token());
		assertThat(row.get("last_used_at")).isNull();
	}

	@Test
	void twoTokensAreNeverAlike() {
		PortalPrincipal operator = principal("operator");

		assertThat(issue(operator).token()).isNotEqualTo(issue(operator).token());
	}

	@Test
	void aUseIsNotedOnceAMinuteNotOnEveryRequest() {
		IssuedToken issued = issue(principal("operator"));

		ApiTokenAuthentication first = tokens.authenticate(issued.token());
		Instant noted = lastUsed(issued.id());
		tokens.authenticate(issued.token());

		assertThat(first.getPrincipal().getUsername()).isEqualTo("operator");
		assertThat(first.getPrincipal().getRole()).isEqualTo(Role.OPERATOR);
		assertThat(first.tokenName()).isEqualTo("ci " + tag);
		assertThat(noted).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		assertThat(lastUsed(issued.id())).as("a second use within the minute writes nothing").isEqualTo(noted);
		assertThat(tokens.tokensOf(principal("operator"))).filteredOn(row -> row.id() == issued.id())
			.singleElement()
			.satisfies(row -> {
				assertThat(row.lastUsedAt()).isEqualTo(noted);
				assertThat(row.state()).isEqualTo(ApiTokenState.ACTIVE);
			});
	}

	@Test
	void aRevokedTokenOpensNothing() {
		PortalPrincipal operator = principal("operator");
		IssuedToken issued = issue(operator);

		ApiTokenRow revoked = tokens.revoke(operator, issued.id());

		assertThat(revoked.state()).isEqualTo(ApiTokenState.REVOKED);
		assertThat(revoked.revokedAt()).isNotNull();
		assertThatThrownBy(() -> tokens.authenticate(issued.token())).hasMessageContaining("revoked");
		assertThat(tokens.revoke(operator, issued.id()).revokedAt()).as("revoking twice keeps the first time")
			.isEqualTo(revoked.revokedAt());
	}

	@Test
	void anExpiredTokenOpensNothing() {
		PortalPrincipal operator = principal("operator");
		IssuedToken issued = issue(operator);
		jdbc.update("update api_tokens set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = ?",
				issued.id());

		assertThatThrownBy(() -> tokens.authenticate(issued.token())).hasMessageContaining("expired");
		assertThat(tokens.tokensOf(operator)).filteredOn(row -> row.id() == issued.id())
			.singleElement()
			.extracting(ApiTokenRow::state)
			.isEqualTo(ApiTokenState.EXPIRED);
	}

	@Test
	void aDisabledUsersTokenOpensNothing() {
		String username = newUser("soon-disabled", Role.OPERATOR, List.of());
		IssuedToken issued = issue(principal(username));
		jdbc.update("update users set enabled = false where username = ?", username);

		assertThatThrownBy(() -> tokens.authenticate(issued.token())).hasMessageContaining("disabled");
	}

	@Test
	void anUnknownTokenOpensNothing() {
		assertThatThrownBy(() -> tokens.authenticate("np_" + "A".repeat(43))).hasMessageContaining("unknown");
		assertThatThrownBy(() -> tokens.authenticate("ghp_something")).hasMessageContaining("not a portal API token");
	}

	@Test
	void aTokenAlwaysHasANameAndAnExpiryWithinAYear() {
		PortalPrincipal operator = principal("operator");
		Instant month = Instant.now().plus(Duration.ofDays(30));

		assertThatThrownBy(() -> tokens.issue(operator, "  ", month)).isInstanceOf(UserChangeRefused.class)
			.hasMessageContaining("name");
		assertThatThrownBy(() -> tokens.issue(operator, "x".repeat(101), month)).isInstanceOf(UserChangeRefused.class);
		assertThatThrownBy(() -> tokens.issue(operator, "past", Instant.now().minusSeconds(1)))
			.isInstanceOf(UserChangeRefused.class)
			.hasMessageContaining("future");
		assertThatThrownBy(() -> tokens.issue(operator, "forever", Instant.now().plus(Duration.ofDays(400))))
			.isInstanceOf(UserChangeRefused.class)
			.hasMessageContaining("366 days");
		assertThat(tokens.issue(operator, "  trimmed  ", month).name()).isEqualTo("trimmed");
	}

	@Test
	void somebodyElsesTokenIsNotFoundForAnOperator() {
		IssuedToken viewers = issue(principal("viewer"));

		assertThatThrownBy(() -> tokens.revoke(principal("operator"), viewers.id())).isInstanceOf(ApiTokenNotFound.class);
		assertThat(tokens.tokensOf(principal("operator"))).extracting(ApiTokenRow::id).doesNotContain(viewers.id());
		assertThatThrownBy(() -> tokens.everyonesTokens(principal("operator"))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anAdminSeesAndRevokesEveryonesTokens() {
		IssuedToken viewers = issue(principal("viewer"));
		PortalPrincipal admin = principal("admin");

		assertThat(tokens.everyonesTokens(admin)).extracting(ApiTokenRow::id).contains(viewers.id());
		assertThat(tokens.revoke(admin, viewers.id()).state()).isEqualTo(ApiTokenState.REVOKED);
		assertThat(jdbc.queryForObject("select revoked_by from api_tokens where id = ?", Long.class, viewers.id()))
			.isEqualTo(admin.getUserId());
	}

	@Test
	void aTeamLimitedAdminManagesOnlyTheTokensOfUsersWithinTheirTeams() {
		long teamA = newTeam("Tokens A");
		long teamB = newTeam("Tokens B");
		PortalPrincipal limitedAdmin = principal(newUser("tokens-admin", Role.ADMIN, List.of(teamA)));
		IssuedToken ours = issue(principal(newUser("ours", Role.OPERATOR, List.of(teamA))));
		IssuedToken theirs = issue(principal(newUser("theirs", Role.OPERATOR, List.of(teamB))));
		IssuedToken allTeams = issue(principal("operator"));
		IssuedToken own = issue(limitedAdmin);

		assertThat(tokens.everyonesTokens(limitedAdmin)).extracting(ApiTokenRow::id)
			.contains(ours.id(), own.id())
			.doesNotContain(theirs.id(), allTeams.id());
		assertThatThrownBy(() -> tokens.revoke(limitedAdmin, theirs.id())).isInstanceOf(ApiTokenNotFound.class);
		assertThatThrownBy(() -> tokens.revoke(limitedAdmin, allTeams.id())).isInstanceOf(ApiTokenNotFound.class);
		assertThat(tokens.revoke(limitedAdmin, ours.id()).state()).isEqualTo(ApiTokenState.REVOKED);
	}

	private Instant lastUsed(long id) {
		return jdbc.queryForObject("select last_used_at from api_tokens where id = ?", java.sql.Timestamp.class, id)
			.toInstant();
	}
}
