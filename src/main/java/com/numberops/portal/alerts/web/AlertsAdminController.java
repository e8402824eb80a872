package com.numberops.portal.alerts.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.alerts.AlertAdministration;
import com.numberops.portal.alerts.AlertChannel;
import com.numberops.portal.alerts.AlertInputRefused;
import com.numberops.portal.alerts.ChannelKind;
import com.numberops.portal.alerts.RuleKind;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Team;
import com.numberops.portal.users.Teams;

/**
 * /admin/alerts (admins, as all of /admin): the rules, the channels, each with its form, and the
 * history of alerts and deliveries. A refused form is shown again with its messages, nothing saved.
 */
@Controller
@RequestMapping("/admin/alerts")
class AlertsAdminController {

	private static final String PAGE = "alerts/admin";

	private final AlertAdministration alerts;

	private final Teams teams;

	private final MessageSourceAccessor text;

	AlertsAdminController(AlertAdministration alerts, Teams teams, MessageSource messages) {
		this.alerts = alerts;
		this.teams = teams;
		this.text = new MessageSourceAccessor(messages);
	}

	@ModelAttribute
	void everything(Model model) {
		model.addAttribute("rules", alerts.rules());
		List<AlertChannel> channels = alerts.channels();
		model.addAttribute("channels", channels);
		// the rules table names each rule's channels
		model.addAttribute("channelNames", channels.stream().collect(Collectors.toMap(AlertChannel::id, AlertChannel::name)));
		model.addAttribute("history", alerts.recentAlerts());
		model.addAttribute("deliveries", alerts.recentDeliveries());
		model.addAttribute("kinds", RuleKind.values());
		model.addAttribute("channelKinds", ChannelKind.values());
		List<Team> all = teams.findAll();
		model.addAttribute("teams", all);
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("rule", RuleForm.blank());
		model.addAttribute("channel", ChannelForm.blank());
		return PAGE;
	}

	@PostMapping("/rules")
	String createRule(@Valid @ModelAttribute("rule") RuleForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal admin, Model model, RedirectAttributes redirect) {
		model.addAttribute("channel", ChannelForm.blank());
		if (result.hasErrors()) {
			return PAGE;
		}
		try {
			alerts.createRule(admin, form.input(), form.team());
		}
		catch (AlertInputRefused refused) {
			refused.refusals().forEach(refusal -> FormErrors.reject(result, refusal.field(), refusal.message()));
			return PAGE;
		}
		Toast.success(text.getMessage("alerts.rule.created", new Object[] { form.name() })).flash(redirect);
		return "redirect:/admin/alerts";
	}

	@PostMapping("/channels")
	String createChannel(@Valid @ModelAttribute("channel") ChannelForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal admin, Model model, RedirectAttributes redirect) {
		model.addAttribute("rule", RuleForm.blank());
		if (result.hasErrors()) {
			return PAGE;
		}
		AlertAdministration.NewChannel made;
		try {
			made = alerts.createChannel(admin, form.input());
		}
		catch (AlertInputRefused refused) {
			refused.refusals().forEach(refusal -> FormErrors.reject(result, refusal.field(), refusal.message()));
			return PAGE;
		}
		Toast.success(text.getMessage("alerts.channel.created", new Object[] { form.name() })).flash(redirect);
		if (made.secret() != null) {
			// the one time the secret is shown: the receiver needs it to check signatures
			redirect.addFlashAttribute("newSecret", made.secret());
		}
		return "redirect:/admin/alerts";
	}

	@PostMapping("/rules/{id}/enabled")
	String switchRule(@PathVariable long id, @RequestParam boolean enabled) {
		alerts.switchRule(id, enabled);
		return "redirect:/admin/alerts";
	}

	@PostMapping("/channels/{id}/enabled")
	String switchChannel(@PathVariable long id, @RequestParam boolean enabled) {
		alerts.switchChannel(id, enabled);
		return "redirect:/admin/alerts";
	}
}
