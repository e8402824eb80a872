package com.numberops.portal.changes.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.changes.BulkEdits;
import com.numberops.portal.numbers.NumberFilter;
import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.ChangeState;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.numbers.SmsChoices;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.system.Confirmation;
import com.numberops.portal.system.PageTimes;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.Times;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.users.PortalPrincipal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * Bulk edits: the selection (ticked rows of the Numbers page, or every number that matches its
 * filter), the choice of edit, the dry run, the confirmation, and the batch's page with its
 * progress, polled by htmx while any of its changes is still on its way. The service decides who
 * may edit; bad input is answered with the form again, a message and a 400, and changes nothing.
 *
 * <p>The selection travels from step to step as the resolved ids (one comma-separated field), so
 * the confirmation acts on exactly the numbers that were previewed; the filter, when there was
 * one, only travels along to describe the batch.
 */
@Controller
@RequestMapping("/changes")
class BulkController {

	static final String FORM = "changes/bulk";

	static final String BATCH = "changes/batch";

	static final String BATCHES = "changes/batches";

	/** The edit form's model name (the template's {@code form}). */
	static final String EDIT = "form";

	/** The Numbers page's filter parameters: they narrow "all that match". */
	static final List<String> FILTERS = NumberFilter.Parameter.NAMES;

	/**
	 * The edits offered in bulk, in the order the form lists them (a rename is one number at a time);
	 * the form lists only those the person's role may make (a release: admins), the service refuses
	 * the others with a 403.
	 */
	static final List<ChangeKind> KINDS = List.of(ChangeKind.SMS_CONFIGURATION, ChangeKind.BUSINESS_CAMPAIGN,
			ChangeKind.VOICE_APP, ChangeKind.CNAM_LOOKUPS, ChangeKind.MESSAGING, ChangeKind.ENABLEMENT,
			ChangeKind.RELEASE);

	private static final int MAX_ID_TEXT = 200_000;

	private final BulkEdits bulk;

	private final SmsChoices smsChoices;

	private final MessageSourceAccessor text;

	private final PageTimes times;

	BulkController(BulkEdits bulk, SmsChoices smsChoices, MessageSource messages, PageTimes times) {
		this.bulk = bulk;
		this.smsChoices = smsChoices;
		this.times = times;
		this.text = new MessageSourceAccessor(messages);
	}

	/** Bad input: the form again with the message, nothing changed. */
	static class BadBulkRequest extends RuntimeException {

		BadBulkRequest(String message) {
			super(message);
		}
	}

	/** The numbers chosen and how people would say it. */
	public record Selection(List<Long> ids, Map<String, String> filter, String description) {

		public String idText() {
			return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
	}

	/** Step 1: what is selected, and the choice of edit. */
	@GetMapping("/bulk")
	String choose(@RequestParam MultiValueMap<String, String> params, @ModelAttribute(EDIT) EditForm form,
			@AuthenticationPrincipal PortalPrincipal user, Model model) {
		Selection selection = select(user, params, true);
		form(model, selection, user);
		return FORM;
	}

	/** Step 2: the dry run, number by number, and the confirmation. */
	@PostMapping("/bulk/preview")
	String preview(@RequestParam MultiValueMap<String, String> params, @Valid @ModelAttribute(EDIT) EditForm form,
			BindingResult result, @AuthenticationPrincipal PortalPrincipal user, HttpServletResponse response,
			Model model) {
		Chosen chosen = read(user, params, form, result, response, model);
		if (chosen == null) {
			return FORM;
		}
		BulkEdits.Preview preview = bulk.preview(user, chosen.selection().ids(), chosen.edit());
		model.addAttribute("preview", preview);
		model.addAttribute("step", "preview");
		Instant until = preview.heldUntil();
		if (until != null) {
			// the browser asks this before the batch is made (portal.js); the page says it too
			model.addAttribute("releaseQuestion", text.getMessage("bulk.release.confirm-dialog",
					new Object[] { preview.changing().size(), times.at(until) }));
			model.addAttribute("releaseHold", text.getMessage("bulk.release.hold",
					new Object[] { times.at(until), times.relative(until) }));
		}
		if (chosen.edit() instanceof Edit.SmsAssignment sms) {
			// the dry run is the confirmation: it says which ids the selection's accounts never had
			model.addAttribute("smsWarnings", smsChoices.knownForNumbers(viewer(user), chosen.selection().ids())
				.unseen(sms.servicePlanId(), sms.campaignId(), List.of()));
		}
		return FORM;
	}

	/**
	 * Step 3: the batch; then its page. A release is asked once more (the browser's dialog, or without
	 * JavaScript the confirmation page), as a single release is.
	 */
	@PostMapping("/bulk")
	String confirm(@RequestParam MultiValueMap<String, String> params, @Valid @ModelAttribute(EDIT) EditForm form,
			BindingResult result, @AuthenticationPrincipal PortalPrincipal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Chosen chosen = read(user, params, form, result, response, model);
		if (chosen == null) {
			return FORM;
		}
		if (chosen.edit() instanceof Edit.Release && !Confirmation.given(request)) {
			return confirmRelease(user, chosen, form, model);
		}
		long batch = bulk.confirm(user, chosen.selection().ids(), chosen.edit(), chosen.selection().description());
		return "redirect:/changes/batches/" + batch;
	}

	/**
	 * The question before a bulk release, for a browser without JavaScript: how many numbers would be
	 * released (the dry run again: it refuses whoever may not release), until when they are held;
	 * its form posts the same selection and reason again with the person's yes.
	 */
	private String confirmRelease(PortalPrincipal user, Chosen chosen, EditForm form, Model model) {
		BulkEdits.Preview preview = bulk.preview(user, chosen.selection().ids(), chosen.edit());
		int count = preview.changing().size();
		if (count == 0) {
			throw new BadBulkRequest(text.getMessage("bulk.release.none"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ids", chosen.selection().idText());
		if (!chosen.selection().filter().isEmpty()) {
			fields.put("all", "true");
			fields.putAll(chosen.selection().filter());
		}
		fields.put("kind", ChangeKind.RELEASE.name());
		fields.put("reason", form.reason());
		Instant until = preview.heldUntil();
		model.addAttribute("confirmation", new Confirmation(
				text.getMessage("bulk.release.confirm.question", new Object[] { count }),
				text.getMessage("bulk.release.confirm.detail", new Object[] { times.at(until), times.relative(until),
						preview.skipped().size(), form.reason() }),
				"/changes/bulk", fields, text.getMessage("bulk.release.confirm.button", new Object[] { count }),
				"/numbers"));
		return Confirmation.PAGE;
	}

	/** "Cancel the releases" of a bulk release: those still held, each as its own Cancel release. */
	@PostMapping("/batches/" + PathIds.ID + "/cancel-releases")
	String cancelReleases(@PathVariable("id") long batchId, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		return acted(batchId, redirect, () -> bulk.cancelReleases(user, batchId), "batch.toast.cancelled");
	}

	/** "Retry the failed ones": exactly the batch's failed and partly applied changes, each as its own Retry. */
	@PostMapping("/batches/" + PathIds.ID + "/retry-failed")
	String retryFailed(@PathVariable("id") long batchId, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		return acted(batchId, redirect, () -> bulk.retryFailed(user, batchId), "batch.toast.retried");
	}

	private String acted(long batchId, RedirectAttributes redirect, Supplier<BulkEdits.Outcome> action, String done) {
		try {
			BulkEdits.Outcome outcome = action.get();
			String message = text.getMessage(done, new Object[] { outcome.done() });
			if (!outcome.refused().isEmpty()) {
				message += " " + text.getMessage("batch.toast.left", new Object[] { outcome.refused().size(),
						String.join(" ", new java.util.LinkedHashSet<>(outcome.refused())) });
			}
			(outcome.refused().isEmpty() ? Toast.success(message) : Toast.error(message)).flash(redirect);
		}
		catch (EditRefused refused) {
			Toast.error(refused.getMessage()).flash(redirect);
		}
		return "redirect:/changes/batches/" + batchId;
	}

	@GetMapping("/batches")
	String batches(@AuthenticationPrincipal PortalPrincipal user, Model model) {
		model.addAttribute("batches", bulk.recent(user, 100).stream().map(BulkController::row).toList());
		return BATCHES;
	}

	/** The batch's page; htmx polls it for the progress section alone while any change is open. */
	@GetMapping("/batches/" + PathIds.ID)
	String batch(@PathVariable("id") long batchId, @AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx,
			Model model) {
		BulkEdits.Batch batch = bulk.batch(user, batchId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such batch"));
		BulkEdits.Progress progress = bulk.progress(user, batchId);
		List<ChangeRow> changes = bulk.changes(user, batchId).stream().map(BulkController::row).toList();
		model.addAttribute("batch", batch);
		model.addAttribute("batchRow", row(batch));
		model.addAttribute("progress", progress);
		model.addAttribute("states", ChangeState.values());
		model.addAttribute("changes", changes);
		// the buttons only where the service would act: the same role rule, and something to act on
		boolean mayAct = batch.kind().allows(user.getRole());
		model.addAttribute("mayRetry", mayAct && progress.failed() > 0);
		model.addAttribute("mayCancelReleases", mayAct && batch.kind() == ChangeKind.RELEASE
				&& !progress.submitting() && progress.held() + progress.failed() > 0);
		if (progress.firstHoldEnds() != null) {
			String first = times.at(progress.firstHoldEnds());
			String last = times.at(progress.lastHoldEnds());
			model.addAttribute("heldUntil", (first.equals(last) ? first : first + " – " + last) + " ("
					+ times.relative(progress.firstHoldEnds()) + ")");
		}
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
			return BATCH + " :: progress";
		}
		return BATCH;
	}

	@ExceptionHandler({ BadBulkRequest.class, BulkEdits.SelectionRefused.class })
	String refused(RuntimeException refused, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", refused.getMessage());
		model.addAttribute("step", "error");
		return FORM;
	}

	/** What a preview or a confirmation is about: the selected numbers and the edit to make. */
	private record Chosen(Selection selection, Edit edit) {
	}

	/**
	 * Reads the selection and the edit, and puts the form on the model. A selection that cannot
	 * be read goes to {@link #refused}; an edit that cannot be made gives null, with the choice
	 * of edit shown again with what is wrong with it next to its field (a 400).
	 */
	private @Nullable Chosen read(PortalPrincipal user, MultiValueMap<String, String> params, EditForm form,
			BindingResult result, HttpServletResponse response, Model model) {
		Selection selection = select(user, params, false);
		form(model, selection, user);
		try {
			ChangeKind kind = kind(form.kind());
			if (!result.hasErrors()) {
				return new Chosen(selection, form.toEdit(kind));
			}
		}
		catch (EditRefused refused) {
			for (FieldProblem problem : refused.problems()) {
				FormErrors.reject(result, problem.field(), problem.message());
			}
		}
		catch (FormRefused refused) {
			FormErrors.reject(result, refused.field(), text.getMessage(refused.text()));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", String.join(" ",
				result.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList()));
		return null;
	}

	/** A batch in a list. */
	public record BatchRow(long id, String kind, String summary, String selection, int total, int skipped,
			@Nullable String requestedBy, String created) {
	}

	/** A change of the batch, worded for the table. */
	public record ChangeRow(long id, long numberId, String number, String summary, String state, String stateName,
			@Nullable String step, int attempts, @Nullable String providerMessage, String updated) {
	}

	private static Viewer viewer(PortalPrincipal user) {
		return new Viewer(user.getUserId(), user.getTeamIds());
	}

	static BatchRow row(BulkEdits.Batch batch) {
		return new BatchRow(batch.id(), batch.kind().label(), batch.summary(), batch.selection(), batch.total(),
				batch.skipped(), batch.requestedBy(), time(batch.createdAt()));
	}

	static ChangeRow row(Change change) {
		String message = change.providerMessage() == null ? null
				: (change.providerCode() == null ? "" : change.providerCode() + ": ") + change.providerMessage();
		return new ChangeRow(change.id(), change.numberId(), change.number(), change.summary(), change.state().label(),
				change.state().name(), change.step(), change.attempts(), message, time(change.updatedAt()));
	}

	private void form(Model model, Selection selection, PortalPrincipal user) {
		model.addAttribute("smsChoices", smsChoices.knownForNumbers(viewer(user), selection.ids()));
		model.addAttribute("selection", selection);
		model.addAttribute("kinds", KINDS.stream().filter(kind -> kind.allows(user.getRole())).toList());
		model.addAttribute("mayRelease", ChangeKind.RELEASE.allows(user.getRole()));
		model.addAttribute("limit", bulk.limit());
		model.addAttribute("step", "choose");
	}

	/**
	 * The selection: "all" with the filter resolves the filter (only on the first step), otherwise
	 * the ids as ticked or as carried from the previous step.
	 */
	private Selection select(PortalPrincipal user, MultiValueMap<String, String> params, boolean resolveFilter) {
		Map<String, String> filter = new LinkedHashMap<>();
		for (String name : FILTERS) {
			String value = first(params, name);
			if (!value.isBlank()) {
				filter.put(name, value.strip());
			}
		}
		boolean all = "true".equals(first(params, "all"));
		if (all) {
			NumberQueries.Request request = NumberQueries.parse(filter);
			if (!request.valid()) {
				throw new BadBulkRequest("This filter cannot be used: " + String.join(" ", request.problems()));
			}
			if (resolveFilter) {
				List<Long> ids = bulk.matching(user, request.filter());
				return new Selection(ids, filter, describe(ids.size(), filter));
			}
		}
		List<Long> ids = bulk.selected(user, ids(params.get("ids")));
		return new Selection(ids, all ? filter : Map.of(), all ? describe(ids.size(), filter)
				: ids.size() + (ids.size() == 1 ? " selected number" : " selected numbers"));
	}

	static String describe(int count, Map<String, String> filter) {
		String what = count + (count == 1 ? " number" : " numbers");
		if (filter.isEmpty()) {
			return "All " + what + " (no filter)";
		}
		return "All " + what + " matching " + filter.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", "));
	}

	/** Ticked boxes arrive as repeated ids, the carried selection as one comma-separated list. */
	static List<Long> ids(@Nullable List<String> values) {
		List<Long> ids = new ArrayList<>();
		if (values == null) {
			return ids;
		}
		int length = 0;
		for (String value : values) {
			length += value.length();
			if (length > MAX_ID_TEXT) {
				throw new BadBulkRequest("The selection is too long to read.");
			}
			for (String part : value.split(",")) {
				String id = part.strip();
				if (id.isEmpty()) {
					continue;
				}
				ids.add(parseIdOrRefuse(id));
			}
		}
		return ids.stream().distinct().toList();
	}

	private static long parseIdOrRefuse(String id) {
		try {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException notANumber) {
			// below
		}
		throw new BadBulkRequest("\"" + (id.length() > 20 ? id.substring(0, 20) + "…" : id)
				+ "\" is not a number id: the selection cannot be read.");
	}

	/** The edit the bulk form chose: one of {@link #KINDS}, or refused next to the choice. */
	static ChangeKind kind(String chosen) {
		ChangeKind kind;
		try {
			kind = ChangeKind.valueOf(chosen);
		}
		catch (IllegalArgumentException unknown) {
			kind = null;
		}
		if (kind == null || !KINDS.contains(kind)) {
			throw chosen.isBlank() ? new FormRefused("kind", "bulk.kind.choose")
					: new FormRefused("kind", "bulk.kind.unknown", chosen.length() > 40 ? chosen.substring(0, 40) + "…" : chosen);
		}
		return kind;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private static String time(@Nullable Instant instant) {
		return instant == null ? "" : Times.in(PageTimes.zone(), instant).precise(instant);
	}
}
