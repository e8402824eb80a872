package com.numberops.portal.numbers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS service plans and 10DLC campaigns an account is known to have: those the mirror has
 * seen on its numbers. A carrier accepts any id and fails the provisioning afterwards, once the
 * number has already been unlinked from its working plan, so the edit forms offer these as choices
 * and ask for a second submit before sending an id never seen. Account-wide (not per team): plans
 * and campaigns are the account's configuration, not its numbers.
 */
@Service
public class SmsChoices {

	/** More than this is no help in a list of suggestions. */
	static final int MAX_VALUES = NumberFacets.MAX_VALUES;

	/** What the mirror has seen, in order. */
	public record Known(List<String> servicePlans, List<String> campaigns) {

		public Known {
			servicePlans = List.copyOf(servicePlans);
			campaigns = List.copyOf(campaigns);
		}

		/**
		 * A warning per form field ({@code servicePlanId}, {@code campaignId}) whose id was never
		 * seen on the account; blank ids (unlinking) and the ids in {@code confirmed} (already
		 * warned about and sent again as they were) need none.
		 */
		public Map<String, String> unseen(@Nullable String servicePlanId, @Nullable String campaignId,
				Collection<String> confirmed) {
			Map<String, String> warnings = new LinkedHashMap<>();
			String plan = servicePlanId == null ? "" : servicePlanId.strip();
			String campaign = campaignId == null ? "" : campaignId.strip();
			if (!plan.isEmpty() && !servicePlans.contains(plan) && !confirmed.contains(plan)) {
				warnings.put("servicePlanId", "No number of this account has ever had service plan " + plan
						+ ". A plan the account does not have fails at the carrier after the current one is unlinked,"
						+ " and the number cannot send SMS until it is restored. Check the id, or send it again to"
						+ " use it anyway.");
			}
			if (!campaign.isEmpty() && !campaigns.contains(campaign) && !confirmed.contains(campaign)) {
				warnings.put("campaignId", "No number of this account has ever had 10DLC campaign " + campaign
						+ ". A campaign the account does not have fails at the carrier after the current one is"
						+ " unlinked. Check the id, or send it again to use it anyway.");
			}
			return warnings;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	SmsChoices(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What the mirror has seen on one account's numbers. */
	@Transactional(readOnly = true)
	public Known known(long accountId) {
		return known(List.of(accountId));
	}

	/** What the mirror has seen on the accounts of these numbers (those the viewer may see). */
	@Transactional(readOnly = true)
	public Known knownForNumbers(Viewer viewer, Collection<Long> numberIds) {
		MapSqlParameterSource params = new MapSqlParameterSource("ids", numberIds.toArray(Long[]::new));
		List<Long> accounts = jdbc.queryForList("select distinct provider_account_id from phone_numbers p where p.id = any(:ids) and "
				+ viewer.condition(params), params, Long.class);
		return known(accounts);
	}

	private Known known(Collection<Long> accountIds) {
		Set<String> plans = new TreeSet<>();
		Set<String> campaigns = new TreeSet<>();
		for (long account : accountIds) {
			plans.addAll(distinct(account, "sms_service_plan_id"));
			campaigns.addAll(distinct(account, "ten_dlc_campaign_id"));
		}
		return new Known(plans.stream().limit(MAX_VALUES).toList(), campaigns.stream().limit(MAX_VALUES).toList());
	}

	/**
	 * The distinct values of one column among an account's numbers, one index probe per value
	 * (V12's partial indexes on (provider_account_id, column)).
	 */
	private List<String> distinct(long account, String column) {
		return LooseIndexScan.distinct(jdbc, column, "p.provider_account_id = :account and " + column + " <> ''",
				new MapSqlParameterSource("account", account), MAX_VALUES);
	}
}
