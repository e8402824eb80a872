package com.numberops.portal.alerts;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.system.ForAdminsOfEveryTeam;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Teams;

/**
 * The admins' side of alerts (/admin/alerts): rules and channels made, switched off and on, and
 * the history of alerts and deliveries. Rules and channels are never deleted, so the history
 * keeps what fired and where it went. Input is checked by {@link AlertInputs}; a refusal changes
 * nothing. For admins of every team only.
 */
@Service
// rules, channels and history span every team (a rule may watch any team or the whole fleet, a
// channel sends what it finds anywhere): an admin limited to teams has the bell, not this
@ForAdminsOfEveryTeam
public class AlertAdministration {

	/** How many alerts and deliveries the history shows. */
	public static final int HISTORY = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AlertStore store;

	private final Teams teams;

	private final MessageSourceAccessor text;

	AlertAdministration(AlertStore store, Teams teams, MessageSource messages) {
		this.store = store;
		this.teams = teams;
		this.text = new MessageSourceAccessor(messages);
	}

	/** A new channel; a webhook's secret, typed or made here, is answered this once and never shown again. */
	public record NewChannel(long id, @Nullable String secret) {
	}

	@Transactional
	public long createRule(PortalPrincipal admin, AlertInputs.Rule rule, @Nullable Long teamId) {
		List<AlertInputs.Problem> problems = new java.util.ArrayList<>(AlertInputs.check(rule));
		Set<Long> known = new LinkedHashSet<>(store.channels().stream().map(AlertChannel::id).toList());
		if (!known.containsAll(rule.channelIds())) {
			problems.add(new AlertInputs.Problem("channelIds", "alerts.rule.channels.unknown"));
		}
		if (teamId != null && !teams.existsById(teamId)) {
			problems.add(new AlertInputs.Problem("teamId", "alerts.rule.team.unknown"));
		}
		refuseIfAny(problems);
		RuleKind kind = java.util.Objects.requireNonNull(rule.kind());
		return store.insertRule(rule.name().strip(), kind,
				kind.needsCode() && rule.errorCode() != null ? rule.errorCode().strip() : null,
				java.util.Objects.requireNonNull(rule.threshold()), java.util.Objects.requireNonNull(rule.windowMinutes()),
				kind.fleet() ? null : teamId, rule.channelIds(), admin.getUsername());
	}

	@Transactional
	public NewChannel createChannel(PortalPrincipal admin, AlertInputs.Channel channel) {
		refuseIfAny(AlertInputs.check(channel));
		ChannelKind kind = java.util.Objects.requireNonNull(channel.kind());
		String target = channel.target() == null ? null : channel.target().strip();
		String secret = null;
		if (kind == ChannelKind.WEBHOOK) {
			secret = channel.secret() == null || channel.secret().isBlank() ? newSecret() : channel.secret().strip();
		}
		long id = store.insertChannel(kind, channel.name().strip(), kind == ChannelKind.PORTAL ? null : target, secret,
				admin.getUsername());
		return new NewChannel(id, secret);
	}

	@Transactional
	public void switchRule(long id, boolean enabled) {
		if (!store.enableRule(id, enabled)) {
			throw new UnknownTarget("Alert rule #" + id);
		}
	}

	@Transactional
	public void switchChannel(long id, boolean enabled) {
		if (!store.enableChannel(id, enabled)) {
			throw new UnknownTarget("Alert channel #" + id);
		}
	}

	@Transactional(readOnly = true)
	public List<AlertRule> rules() {
		return store.rules(false);
	}

	@Transactional(readOnly = true)
	public List<AlertChannel> channels() {
		return store.channels();
	}

	@Transactional(readOnly = true)
	public List<Alert> recentAlerts() {
		return store.recentAlerts(HISTORY);
	}

	@Transactional(readOnly = true)
	public List<Delivery> recentDeliveries() {
		return store.deliveries(null, HISTORY);
	}

	private void refuseIfAny(List<AlertInputs.Problem> problems) {
		if (!problems.isEmpty()) {
			throw new AlertInputRefused(problems.stream()
				.map(problem -> new AlertInputRefused.Refusal(problem.field(), text.getMessage(problem.key())))
				.toList());
		}
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
