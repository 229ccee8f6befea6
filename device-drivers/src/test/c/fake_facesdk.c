/*
 * A stand-in for a vendor's face comparison SDK, built by VendorFaceSdkTest with gcc. It has the FACE_* entry
 * points that VendorFaceSdk calls plus FAKE_* controls: the test sets the score or failure, and reads back
 * what the library was given (lengths and a checksum, so no test keeps images around). It compares nothing.
 */
#include <string.h>
#include <unistd.h>

enum { COMPARE = 0, NO_FACE = 1, CARD_PHOTO_BAD = 2, FAULT = 3, HANG = 4, INIT_FAILS = 5 };

static int scenario = COMPARE;
static float score = 0.9f;
static int initialised = 0;
static int released = 0;
static int last_live_length = -1;
static int last_card_length = -1;
static unsigned int last_live_sum = 0;

void FAKE_Set(int s, float sc) { scenario = s; score = sc; }
int FAKE_Initialised(void) { return initialised; }
int FAKE_Released(void) { return released; }
int FAKE_LastLiveLength(void) { return last_live_length; }
int FAKE_LastCardLength(void) { return last_card_length; }
unsigned int FAKE_LastLiveSum(void) { return last_live_sum; }

int FACE_Init(void) {
    if (scenario == INIT_FAILS) return 17;
    initialised = 1;
    released = 0;
    return 0;
}

int FACE_CompareWithCardPhoto(const unsigned char *live, int live_length, const unsigned char *card,
                              int card_length, float *out_score) {
    if (!initialised) return 9;
    last_live_length = live_length;
    last_card_length = card_length;
    last_live_sum = 0;
    for (int i = 0; i < live_length; i++) last_live_sum += live[i];
    (void) card;
    switch (scenario) {
        case NO_FACE: return 1;
        case CARD_PHOTO_BAD: return 2;
        case FAULT: return 7;
        case HANG: sleep(1); *out_score = score; return 0;
        default: *out_score = score; return 0;
    }
}

void FACE_Release(void) {
    initialised = 0;
    released = 1;
}
