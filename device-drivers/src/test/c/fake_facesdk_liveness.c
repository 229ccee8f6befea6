/*
 * The fake face SDK (fake_facesdk.c) plus the optional FACE_Liveness entry point, for VendorFaceSdkTest: a vendor
 * whose SDK can tell a live face from a photo. FAKE_SetLive chooses its verdict: 1 live, 0 a photo or screen,
 * -1 no face, other values a fault code returned as is.
 */
#include "fake_facesdk.c"

static int live_verdict = 1;
static int liveness_calls = 0;

void FAKE_SetLive(int verdict) { live_verdict = verdict; }
int FAKE_LivenessCalls(void) { return liveness_calls; }

int FACE_Liveness(const unsigned char *live, int live_length, int *is_live) {
    (void) live;
    (void) live_length;
    liveness_calls++;
    if (!initialised) return 9;
    if (live_verdict == -1) return 1;
    if (live_verdict == 0 || live_verdict == 1) {
        *is_live = live_verdict;
        return 0;
    }
    return live_verdict;
}
