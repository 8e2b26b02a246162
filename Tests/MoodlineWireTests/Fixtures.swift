/// Messages copied from DESIGN.md's schema example and from the dev-005 recording
/// (../shared/scenarios/sessions/dev-005.jsonl beside the repository), so the tests need no files.
enum Fixtures {
    static let schemaExample = #"""
        {"type":"fragment","session":"call-0001","seq":17,"ts":1763790000.25,
         "speaker":"customer","agent":"a-102","team":"t-7","channel":"voice","lang":"zh",
         "text":"这已经是我第三次打电话了","final":true,
         "prosody":{"pitch_hz":231.0,"pitch_sd_hz":41.0,"energy_db":-14.5,"rate_sps":6.2,
                    "overlap_s":0.0,"pause_before_s":0.3}}
        """#

    static let sessionStart = #"""
        {"type":"session_start","session":"dev-005","seq":0,"ts":1763701500,"agent":"a-102","team":"t-1","channel":"voice","customer":"c-310442","lang":"zh"}
        """#

    static let finalFragment = #"""
        {"type":"fragment","session":"dev-005","seq":3,"ts":1763701515.81,"speaker":"customer","agent":"a-102","team":"t-1","channel":"voice","lang":"zh","text":"我这个月的话费怎么多出来两百多块？我根本没出过国，账单上却有国际漫游流量费。","final":true,"prosody":{"pitch_hz":228.9,"pitch_sd_hz":35.8,"energy_db":-19.4,"rate_sps":5.1,"overlap_s":0.0,"pause_before_s":0.36}}
        """#

    static let interimFragment = #"""
        {"type":"fragment","session":"dev-005","seq":2,"ts":1763701510.43,"speaker":"customer","agent":"a-102","team":"t-1","channel":"voice","lang":"zh","text":"我这个月的话费","final":false,"prosody":{"pitch_hz":229.1,"energy_db":-19.6,"rate_sps":5.1}}
        """#

    static let sessionEnd = #"""
        {"type":"session_end","session":"dev-005","seq":19,"ts":1763701608.78}
        """#

    /// A minimal valid fragment, for variations.
    static let minimal = #"{"session":"s-1","seq":1,"ts":1.5,"speaker":"agent","text":"hi"}"#
}
