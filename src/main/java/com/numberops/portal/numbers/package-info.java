/** The mirror's number record, its derived states, and the inventory's reads, always scoped to a viewer. */
@NullMarked
package com.numberops.portal.numbers;

import org.jspecify.annotations.NullMarked;
