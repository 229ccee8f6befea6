/*
 * A stand-in for a vendor's sdtapi library, built by SdtapiReaderTest with gcc. It has the sdtapi entry points
 * (return values are GA 467 SW3 codes) plus FAKE_* controls that the test uses to choose the behaviour and to
 * check that the driver closes the port. It talks to no hardware.
 */
#include <string.h>
#include <unistd.h>

enum { CARD_PRESENT = 0, NO_CARD = 1, MODULE_FAULT = 2, PORT_MISSING = 3, HANG_ON_READ = 4 };

static int scenario = CARD_PRESENT;
static int open_port = 0;       /* the port number while open, else 0 */
static int open_calls = 0;
static unsigned char text[256];
static unsigned char photo[1024];

void FAKE_SetScenario(int s) { scenario = s; }

void FAKE_SetCard(const unsigned char *t, int tlen, const unsigned char *p, int plen) {
    memcpy(text, t, tlen < 256 ? tlen : 256);
    memcpy(photo, p, plen < 1024 ? plen : 1024);
}

int FAKE_OpenPort(void) { return open_port; }
int FAKE_OpenCalls(void) { return open_calls; }

int SDT_OpenPort(int port) {
    if (scenario == PORT_MISSING) return 0x01; /* vendor libraries use small codes for "cannot open port" */
    open_port = port;
    open_calls++;
    return 0x90;
}

int SDT_ClosePort(int port) {
    if (port != open_port) return 0x01;
    open_port = 0;
    return 0x90;
}

int SDT_StartFindIDCard(int port, unsigned char *iin, int ifOpen) {
    (void) ifOpen;
    if (port != open_port) return 0x01;
    if (scenario == MODULE_FAULT) return 0x60;
    if (scenario == NO_CARD) return 0x80;
    memset(iin, 0, 4);
    return 0x9F;
}

int SDT_SelectIDCard(int port, unsigned char *sn, int ifOpen) {
    (void) ifOpen;
    if (port != open_port) return 0x01;
    if (scenario == MODULE_FAULT) return 0x60;
    if (scenario == NO_CARD) return 0x81;
    memset(sn, 0, 8);
    return 0x90;
}

int SDT_ReadBaseMsg(int port, unsigned char *t, unsigned int *tlen, unsigned char *p, unsigned int *plen, int ifOpen) {
    (void) ifOpen;
    if (port != open_port) return 0x01;
    if (scenario == MODULE_FAULT) return 0x60;
    if (scenario == NO_CARD) return 0x41;
    if (scenario == HANG_ON_READ) sleep(1);
    memcpy(t, text, 256);
    *tlen = 256;
    memcpy(p, photo, 1024);
    *plen = 1024;
    return 0x90;
}
