package io.tidings.channel.smpp;

import java.util.ArrayList;
import java.util.List;

import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPSession;

/**
 * What one submit_sm carries: a part's bytes with its user data header flag, or SAR or payload TLVs.
 */
record SubmitSm(byte[] shortMessage, boolean udh, OptionalParameter[] tlvs) {

    /** The submit_sm of an encoded text: one per part, or one with the whole text as message_payload. */
    static List<SubmitSm> of(SmsEncoder.Encoded encoded) {
        if (encoded.payload() != null) {
            return List.of(new SubmitSm(new byte[0], false,
                    new OptionalParameter[] {new OptionalParameter.Message_payload(encoded.payload())}));
        }
        List<SubmitSm> list = new ArrayList<>(encoded.parts().size());
        for (SmsEncoder.Part part : encoded.parts()) {
            OptionalParameter[] tlvs = new OptionalParameter[0];
            if (part.total() > 1 && !part.udh()) {
                tlvs = new OptionalParameter[] {new OptionalParameter.Sar_msg_ref_num((short) part.reference()),
                        new OptionalParameter.Sar_total_segments((byte) part.total()),
                        new OptionalParameter.Sar_segment_seqnum((byte) part.sequence())};
            }
            list.add(new SubmitSm(part.shortMessage(), part.udh(), tlvs));
        }
        return list;
    }

    /** Submits it on the session; @return the SMSC's message id */
    String submit(SMPPSession session, SmppSettings s, String destination, byte dataCoding) throws Exception {
        Source source = Source.of(s);
        ESMClass esm = udh ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        return session.submitShortMessage(null, source.ton(), source.npi(), source.address(),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, null,
                null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                new RawDataCoding(dataCoding), (byte) 0, shortMessage, tlvs).getMessageId();
    }

    /** The sender's address with its type of number and numbering plan, derived when not configured. */
    record Source(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {
        static Source of(SmppSettings s) {
            String raw = s.sourceAddress().trim();
            boolean international = raw.startsWith("+");
            String address = international ? raw.substring(1) : raw;
            boolean digits = address.chars().allMatch(Character::isDigit);
            TypeOfNumber ton;
            NumberingPlanIndicator npi;
            if (!digits) {
                ton = TypeOfNumber.ALPHANUMERIC;
                npi = NumberingPlanIndicator.UNKNOWN;
            } else if (international || address.length() > 8) {
                ton = TypeOfNumber.INTERNATIONAL;
                npi = NumberingPlanIndicator.ISDN;
            } else {
                ton = TypeOfNumber.NETWORK_SPECIFIC;
                npi = NumberingPlanIndicator.UNKNOWN;
            }
            if (s.sourceTon() >= 0) {
                ton = TypeOfNumber.valueOf((byte) s.sourceTon());
            }
            if (s.sourceNpi() >= 0) {
                npi = NumberingPlanIndicator.valueOf((byte) s.sourceNpi());
            }
            return new Source(ton, npi, address);
        }
    }
}
