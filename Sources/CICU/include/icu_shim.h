#ifndef SIBYL_ICU_SHIM_H
#define SIBYL_ICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which boundaries to find.
typedef enum {
    SIBYL_ICU_WORD = 0,
    SIBYL_ICU_SENTENCE = 1,
} sibyl_icu_break_kind;

/// The kind of text a word segment holds, from ICU's rule status.
typedef enum {
    /// Spaces, punctuation and symbols.
    SIBYL_ICU_SEGMENT_NONE = 0,
    /// A number.
    SIBYL_ICU_SEGMENT_NUMBER = 1,
    /// Letters.
    SIBYL_ICU_SEGMENT_LETTER = 2,
    /// Kana.
    SIBYL_ICU_SEGMENT_KANA = 3,
    /// Ideographs.
    SIBYL_ICU_SEGMENT_IDEO = 4,
} sibyl_icu_segment_kind;

/// Segments UTF-16 `text` of `length` code units with the system ICU's break rules for `locale` (e.g. "en").
/// Writes the end offset (in UTF-16 code units) of each segment to `ends` and, for word breaks, its kind to
/// `kinds` (may be NULL). Answers the number of segments, which may exceed `capacity` (then only `capacity`
/// were written and the caller retries with more room), or -1 when ICU fails.
int32_t sibyl_icu_segments(sibyl_icu_break_kind kind, const char *locale, const uint16_t *text, int32_t length,
                           int32_t *ends, int32_t *kinds, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
