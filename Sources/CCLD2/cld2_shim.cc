#include "cld2_shim.h"

#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstring>

int sibyl_cld2_detect(const char *utf8, int length, sibyl_cld2_language out[3], int *is_reliable) {
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int text_bytes = 0;
    int valid_prefix = 0;
    bool reliable = false;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    // Best effort: short texts get CLD2's best guess instead of "unknown".
    CLD2::Language summary = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        utf8, length, true, &hints, CLD2::kCLDFlagBestEffort, languages, percents, scores, nullptr, &text_bytes,
        &reliable, &valid_prefix);
    if (valid_prefix < length) return 0;
    int found = 0;
    for (int index = 0; index < 3; index++) {
        if (languages[index] == CLD2::UNKNOWN_LANGUAGE || percents[index] <= 0) continue;
        const char *code = CLD2::LanguageCode(languages[index]);
        std::strncpy(out[found].code, code ? code : "un", sizeof(out[found].code) - 1);
        out[found].code[sizeof(out[found].code) - 1] = 0;
        out[found].percent = percents[index];
        out[found].normalized_score = scores[index];
        found++;
    }
    // A short text can leave the three-language summary empty while CLD2 still names its best guess: report
    // it at half confidence, since CLD2 gives no share for it.
    if (found == 0 && summary != CLD2::UNKNOWN_LANGUAGE) {
        const char *code = CLD2::LanguageCode(summary);
        std::strncpy(out[0].code, code ? code : "un", sizeof(out[0].code) - 1);
        out[0].code[sizeof(out[0].code) - 1] = 0;
        out[0].percent = 50;
        out[0].normalized_score = 0;
        found = 1;
    }
    *is_reliable = reliable ? 1 : 0;
    return found;
}
