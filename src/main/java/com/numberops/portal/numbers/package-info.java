/** The mirror's number record, its derived states, and (later) the inventory search. */
@NullMarked
package com.numberops.portal.numbers;

import org.jspecify.annotations.NullMarked;
