#ifndef SIBYL_CLD2_SHIM_H
#define SIBYL_CLD2_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

/// One candidate language of a text, as CLD2 reports it.
typedef struct {
    /// The language code CLD2 uses (ISO 639-1 where one exists, e.g. "en", "zh-Hant"); "un" when unknown.
    char code[16];
    /// The share of the text's letters in this language, 0-100.
    int percent;
    /// How typical the text is of the language (about 1.0 for normal text).
    double normalized_score;
} sibyl_cld2_language;

/// Detects up to three languages of UTF-8 text with CLD2's full tables; answers how many candidates were found
/// and sets `is_reliable`. Invalid UTF-8 answers 0.
int sibyl_cld2_detect(const char *utf8, int length, sibyl_cld2_language out[3], int *is_reliable);

#ifdef __cplusplus
}
#endif

#endif
