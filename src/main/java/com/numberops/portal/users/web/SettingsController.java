package com.numberops.portal.users.web;

import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.PageTimes;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.TimeZones;
import com.numberops.portal.users.UserChangeRefused;

/** Every signed-in person's own settings: for now, the time zone the pages show times in. */
@Controller
class SettingsController {

	private static final String PAGE = "users/settings";

	private final TimeZones zones;

	private final MessageSourceAccessor text;

	SettingsController(TimeZones zones, MessageSource messages) {
		this.zones = zones;
		this.text = new MessageSourceAccessor(messages);
	}

	@ModelAttribute("zones")
	List<String> zones() {
		return TimeZones.CHOICES;
	}

	@GetMapping("/settings")
	String show(Model model) {
		model.addAttribute("settings", new SettingsForm(PageTimes.zone().getId()));
		return PAGE;
	}

	@PostMapping("/settings")
	String save(@Valid @ModelAttribute("settings") SettingsForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal person, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ZoneId zone = zones.change(person, form.timeZone().strip());
				Toast.success(text.getMessage("settings.saved", new Object[] { zone.getId() })).flash(redirect);
				return "redirect:/settings";
			}
			catch (UserChangeRefused refused) {
				FormErrors.reject(result, refused.field() == null ? "" : refused.field(), refused.getMessage());
			}
		}
		return PAGE;
	}
}
