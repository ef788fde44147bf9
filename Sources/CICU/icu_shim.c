#include "icu_shim.h"

#include <unicode/ubrk.h>

static int32_t segment_kind(int32_t status) {
    if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return SIBYL_ICU_SEGMENT_IDEO;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return SIBYL_ICU_SEGMENT_KANA;
    if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return SIBYL_ICU_SEGMENT_LETTER;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return SIBYL_ICU_SEGMENT_NUMBER;
    return SIBYL_ICU_SEGMENT_NONE;
}

int32_t sibyl_icu_segments(sibyl_icu_break_kind kind, const char *locale, const uint16_t *text, int32_t length,
                           int32_t *ends, int32_t *kinds, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == SIBYL_ICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; end = ubrk_next(iterator)) {
        if (count < capacity) {
            ends[count] = end;
            if (kinds) kinds[count] = segment_kind(ubrk_getRuleStatus(iterator));
        }
        count += 1;
    }
    ubrk_close(iterator);
    return count;
}
