package com.numberops.portal.users;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

	private final Users users;

	private final Clock clock;

	PortalUserDetailsService(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
			.map(user -> new PortalPrincipal(user, !user.isLockedAt(clock.instant())))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
