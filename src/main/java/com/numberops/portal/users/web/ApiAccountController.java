package com.numberops.portal.users.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.users.ApiTokenAuthentication;
import com.numberops.portal.users.ApiTokenRow;
import com.numberops.portal.users.ApiTokens;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.Team;
import com.numberops.portal.users.Teams;

/**
 * The caller and their tokens, over the API: {@code GET /api/me} says who a token (or session)
 * acts as, which is what a client checks first. Tokens are listed and revoked here, never made:
 * a token that could make tokens would let a stolen one outlive its expiry. Making one is a
 * person's act, on the API tokens page.
 */
@RestController
@RequestMapping("/api")
class ApiAccountController {

	private final ApiTokens tokens;

	private final Teams teams;

	ApiAccountController(ApiTokens tokens, Teams teams) {
		this.tokens = tokens;
		this.teams = teams;
	}

	/** Who the request acts as; {@code token} is the token used, null for a signed-in session. */
	record Me(String username, String displayName, Role role, boolean allTeams, List<TeamName> teams,
			@Nullable TokenUsed token) {
	}

	record TeamName(long id, String name) {
	}

	record TokenUsed(long id, String name, Instant expiresAt) {
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal PortalPrincipal user, Authentication authentication) {
		List<TeamName> names = teams.findAllById(user.getTeamIds())
			.stream()
			.map(team -> new TeamName(idOf(team), team.getName()))
			.sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
			.toList();
		TokenUsed token = authentication instanceof ApiTokenAuthentication used
				? new TokenUsed(used.tokenId(), used.tokenName(), used.expiresAt()) : null;
		return new Me(user.getUsername(), user.getDisplayName(), user.getRole(), user.getTeamIds().isEmpty(), names,
				token);
	}

	/** The caller's own tokens, newest first, whatever their state. */
	@GetMapping("/tokens")
	List<ApiTokenRow> myTokens(@AuthenticationPrincipal PortalPrincipal user) {
		return tokens.tokensOf(user);
	}

	/** Admins: every token of the users within their scope (the /api/admin/** rule asks for the role). */
	@GetMapping("/admin/tokens")
	List<ApiTokenRow> everyonesTokens(@AuthenticationPrincipal PortalPrincipal user) {
		return tokens.everyonesTokens(user);
	}

	/** Ends a token at once (the one making this request too, if it is that one): 204. */
	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user) {
		tokens.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	private static long idOf(Team team) {
		Long id = team.getId();
		return id == null ? 0 : id;
	}
}
