package io.tidings.channel.smpp;

import java.util.Map;

import org.jsmpp.SMPPConstant;

/** What a submit_sm_resp command_status means for the engine. */
final class SubmitStatus {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SMPPConstant.STAT_ESME_RINVMSGLEN, "ESME_RINVMSGLEN"),
            Map.entry(SMPPConstant.STAT_ESME_RSYSERR, "ESME_RSYSERR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCADR, "ESME_RINVSRCADR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR"),
            Map.entry(SMPPConstant.STAT_ESME_RBINDFAIL, "ESME_RBINDFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVPASWD, "ESME_RINVPASWD"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSYSID, "ESME_RINVSYSID"),
            Map.entry(SMPPConstant.STAT_ESME_RMSGQFUL, "ESME_RMSGQFUL"),
            Map.entry(SMPPConstant.STAT_ESME_RSUBMITFAIL, "ESME_RSUBMITFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTTON, "ESME_RINVDSTTON"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTNPI, "ESME_RINVDSTNPI"),
            Map.entry(SMPPConstant.STAT_ESME_RTHROTTLED, "ESME_RTHROTTLED"),
            Map.entry(SMPPConstant.STAT_ESME_RX_T_APPN, "ESME_RX_T_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RX_P_APPN, "ESME_RX_P_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RX_R_APPN, "ESME_RX_R_APPN"));

    private SubmitStatus() {
    }

    /** The SMSC asks us to slow down: back off and retry. */
    static boolean throttled(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL;
    }

    /** A failure on the SMSC's side that another attempt may not meet. */
    static boolean transientFailure(int status) {
        return throttled(status) || status == SMPPConstant.STAT_ESME_RSYSERR
                || status == SMPPConstant.STAT_ESME_RX_T_APPN || status == SMPPConstant.STAT_ESME_RSUBMITFAIL;
    }

    /** " (ESME_RINVDSTADR)", or empty for a code without a name here. */
    static String name(int status) {
        String name = NAMES.get(status);
        return name == null ? "" : " (" + name + ")";
    }

    static String describe(int status) {
        return "command_status 0x" + String.format("%08X", status) + name(status);
    }
}
