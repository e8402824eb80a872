package com.numberops.portal.changes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.numbers.Purchase;
import com.numberops.portal.numbers.TimelineEntry;
import com.numberops.portal.providers.NumberShop;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.RentSetup;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Getting new numbers: searching what the carriers sell, and renting a short cart of them. A
 * rent is checked ({@link RentRules}, the offers as the carrier has them now, {@link SpendLimit}
 * against what was spent today), then, in one transaction, each number enters the mirror as
 * Provisioning ({@link PhoneNumbers#recordPurchase}) with a RENT change in the outbox, which the
 * dispatcher sends once and follows until the carrier's provisioning settles. Carriers are asked
 * outside any transaction. Admins only.
 */
@Service
public class NumberPurchases {

	/** Rents asked for concurrently are counted against the limit one after the other. */
	private static final String SPEND_LOCK = "select pg_advisory_xact_lock(hashtext('portal.buy.daily-limit'))";

	private final ProviderAccounts accounts;

	private final PhoneNumbers numbers;

	private final PendingChanges changes;

	private final ChangeDispatch dispatch;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BuyProperties properties;

	private final Clock clock;

	NumberPurchases(ProviderAccounts accounts, PhoneNumbers numbers, PendingChanges changes, ChangeDispatch dispatch,
			NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, BuyProperties properties, Clock clock) {
		this.accounts = accounts;
		this.numbers = numbers;
		this.changes = changes;
		this.dispatch = dispatch;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** The carrier accounts that sell numbers, Sinch first: it sells in most regions, with SMS and voice setup. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<ProviderAccount> shops() {
		return accounts.all()
			.stream()
			.filter(account -> accounts.shopFor(account).isPresent())
			.sorted(java.util.Comparator.comparing((ProviderAccount account) -> account.provider() != ProviderKind.SINCH))
			.toList();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<OfferRegion> regions(long accountId, @Nullable String type) {
		return shop(accountId).regions(type);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<Offer> search(long accountId, OfferSearch search) {
		return shop(accountId).search(search);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Optional<Offer> check(long accountId, String number) {
		return shop(accountId).offer(number);
	}

	public BuyProperties limits() {
		return properties;
	}

	/** What rents asked for today (UTC) cost: setup plus first month, rents that did not happen left out. */
	@PreAuthorize("hasRole('ADMIN')")
	public BigDecimal spentToday() {
		return spentSince(startOfToday());
	}

	/**
	 * Rents the cart: every number or none. Refused with {@link EditRefused} (field problems) when
	 * a rule, the offers or the daily limit say no; nothing is recorded or sent then.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<Change> rent(PortalPrincipal user, RentOrder order) {
		ProviderAccount account = account(order.accountId());
		NumberShop shop = shop(order.accountId());
		RentSetup setup = new RentSetup(order.servicePlanId(), order.campaignId(), order.voiceAppId());
		List<Offer> cart = new ArrayList<>();
		List<String> unavailable = new ArrayList<>();
		for (String number : order.numbers().stream().distinct().toList()) {
			shop.offer(number).ifPresentOrElse(cart::add, () -> unavailable.add(number));
		}
		List<FieldProblem> problems = RentRules.check(account.provider(), cart, unavailable, setup, order.teamId(),
				user.getTeamIds(), properties.cartSize());
		if (!problems.isEmpty()) {
			throw new EditRefused(problems);
		}
		List<Long> ids = Objects.requireNonNull(transactions.execute(status -> record(user, account, cart, setup, order)));
		return ids.stream().map(id -> changes.find(id).orElseThrow()).toList();
	}

	private List<Long> record(PortalPrincipal user, ProviderAccount account, List<Offer> cart, RentSetup setup,
			RentOrder order) {
		jdbc.getJdbcTemplate().execute(SPEND_LOCK);
		SpendLimit.refusal(cart, spentSince(startOfToday()), properties.dailyLimit(), properties.currency())
			.ifPresent(why -> {
				throw new EditRefused("numbers", why);
			});
		Instant now = clock.instant();
		Actor actor = Actor.person(user.getUserId(), user.getDisplayName());
		List<Long> changeIds = new ArrayList<>();
		for (int i = 0; i < cart.size(); i++) {
			Offer offer = cart.get(i);
			String name = RentRules.name(order.name(), i, cart.size());
			Purchase purchase = new Purchase(offer.providerNumberId(), offer.number(), name, offer.regionCode(),
					offer.type(), offer.can("SMS"), offer.can("VOICE"), order.teamId(), offer.monthlyPrice(),
					offer.currency(), setup.smsServicePlanId(), setup.campaignId(), setup.voiceAppId());
			String cost = SpendLimit.money(offer.setupPrice(), offer.currency()) + " setup, "
					+ SpendLimit.money(offer.monthlyPrice(), offer.currency()) + " a month";
			long numberId = numbers.recordPurchase(account, purchase, actor, TimelineEntry
				.of("RENT_REQUESTED", "Rent requested", "Buying from " + account.provider().label() + " (" + cost + "), "
						+ describe(setup) + (name == null ? "" : ", named " + name) + ".")
				.withField(NumberEdits.field(ChangeKind.RENT)));
			Map<String, String> payload = new LinkedHashMap<>();
			payload.put("number", offer.providerNumberId());
			payload.put("name", name == null ? "" : name);
			payload.put("servicePlanId", text(setup.smsServicePlanId()));
			payload.put("campaignId", text(setup.campaignId()));
			payload.put("appId", text(setup.voiceAppId()));
			payload.put("setupPrice", offer.setupPrice().toPlainString());
			payload.put("monthlyPrice", offer.monthlyPrice().toPlainString());
			payload.put("currency", offer.currency());
			changeIds.add(changes.insert(numberId, null, ChangeKind.RENT, payload, Map.of(), ChangeState.PENDING,
					"Rent " + offer.number() + " (" + cost + "), " + describe(setup), now, user.getUserId(),
					user.getUsername(), account.provider().name(), now));
			// in the same transaction: the rent is in the outbox and due, or neither
			dispatch.schedule(changeIds.get(changeIds.size() - 1), now);
		}
		return changeIds;
	}

	static String describe(RentSetup setup) {
		List<String> parts = new ArrayList<>();
		if (setup.sms()) {
			parts.add("SMS plan " + setup.smsServicePlanId()
					+ (setup.campaignId() == null ? "" : " with 10DLC campaign " + setup.campaignId()));
		}
		if (setup.voice()) {
			parts.add("voice app " + setup.voiceAppId());
		}
		return parts.isEmpty() ? "no SMS or voice setup" : String.join(" and ", parts);
	}

	private BigDecimal spentSince(Instant start) {
		BigDecimal spent = jdbc.queryForObject("""
				select coalesce(sum((c.payload ->> 'setupPrice')::numeric + (c.payload ->> 'monthlyPrice')::numeric), 0)
				from pending_changes c join phone_numbers p on p.id = c.phone_number_id
				where c.kind = 'RENT' and c.created_at >= :start and c.state <> 'CANCELLED'
				  and coalesce(p.provider_order_status, '') <> 'NOT_RENTED'""",
				new MapSqlParameterSource("start", Timestamp.from(start)), BigDecimal.class);
		return spent == null ? BigDecimal.ZERO : spent;
	}

	private Instant startOfToday() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private ProviderAccount account(long accountId) {
		return accounts.find(accountId).orElseThrow(() -> new UnknownTarget("Carrier account " + accountId));
	}

	private NumberShop shop(long accountId) {
		return accounts.shopFor(account(accountId))
			.orElseThrow(() -> new UnknownTarget("Carrier account " + accountId + " sells no numbers"));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}
}
