/**
 * Health vocabulary of Spanish, German, French, Italian, Dutch, Portuguese and Japanese, in the tiers of
 * vocabulary.ts. As in English, a word with an everyday or business sense is `ambiguous` and counts only beside a
 * clinical term: "tratamiento de datos" is GDPR, "Entlassung" a dismissal, "ingreso" income, "ensayo clínico" a
 * CDMO's trade, "farmaci" its products. Plurals and participles are listed as written (no stemming).
 */
export const CLINICAL_INTL = `
pacientes enfermedad enfermedades diagnosticado diagnosticada diagnosticados antecedentes anamnesis exploración
hemograma analítica ecografía radiografía tomografía resonancia biopsia adenocarcinoma metástasis metastásico
tumoración tumoraciones neoplasia neoplásico hipertensión diabetes cirugía quirúrgica quirúrgico quirúrgicamente
intervenido intervenida postoperatorio posoperatorio hospitalización hospitalizado hospitalizada ingresado ingresada
síntomas sintomatología disnea cefalea vómitos náuseas antibiótico antibióticos antibioterapia medicación quimioterapia
radioterapia oncología oncológico cardiología neurología urología nefrología pediatría psiquiatría traumatología
ginecología dermatología oftalmología hematología gastroenterología neumología endocrinología creatinina glucemia
hemoglobina leucocitos plaquetas linfocitos neutrófilos hematuria proteinuria trasplante diálisis hemodiálisis
anatomopatológico histológico histológica patológicos lesión lesiones fractura fracturas torácico abdominal
hepática hepático cardíaca pulmonar urgencias ambulatorio analgesia anestesia sedación
patientin patienten diagnosen befund befunde anamnese arztbrief entlassungsbrief entlassungsdiagnose aufnahmediagnose
nebendiagnosen vorerkrankungen krankenhaus klinikum beschwerdebild symptomatik medikation blutdruck herzinsuffizienz
niereninsuffizienz hypertonie karzinom metastasen chemotherapie strahlentherapie sonographie sonografie röntgen
echokardiographie koloskopie gastroskopie biopsie übelkeit erbrechen dyspnoe stationär stationäre stationären
hausarzt hausärztin krankheit erkrankung erkrankungen
patiente hospitalisation hospitalisé hospitalisée maladie maladies symptômes chirurgie chirurgical chirurgicale
opératoire postopératoire médicaments posologie carcinome tumeur métastases cardiaque rénale diabète antécédents
échographie radiographie
pazienti anamnesi ricovero ricoverato ricoverata ospedale malattia malattie sintomi chirurgico chirurgica
tumore metastasi cardiaca ipertensione diabete referto ecografia radiografia
patiënten ziekenhuis medicatie huisarts ziekte symptomen carcinoom hypertensie bloeddruk verpleegkundige
ontslagbrief
internação internamento internado internada doença doenças sintomas cirurgia medicação biópsia metástases
hipertensão prontuário enfermagem
`;

export const AMBIGUOUS_INTL = `
paciente diagnóstico tratamiento tratamientos tratado tratada ingreso alta informe clínico clínica clínicos médico
médica médicos dolor dolores fiebre sangre orina evolución alergias alérgico infección infecciones fármaco fármacos
dosis consulta intervención tumor insuficiencia
diagnose therapie behandlung aufnahme entlassung untersuchung operation labor schmerzen fieber allergien klinik
station ambulant arzt ärztin
diagnostic traitement consultation médecin ordonnance douleur douleurs fièvre examen insuffisance
paziente diagnosi terapia dimissione dimesso intervento farmaco farmaci dolore febbre esame insufficienza
patiënt behandeling opname ontslag klachten operatie pijn koorts onderzoek
diagnóstico tratamento médico utente exame dor febre insuficiência consulta medicamentos
`;

/** Pairs that mean health although each word alone may not ("informe clínico", "alta hospitalaria"). */
export const PAIRS_INTL: Record<string, string> = {
  informe: 'clínico médico', historia: 'clínica', alta: 'hospitalaria médica', ingreso: 'hospitalario', exploración: 'física',
  tratamiento: 'médico quirúrgico antibiótico', insuficiencia: 'renal cardíaca cardiaca respiratoria hepática', presión: 'arterial',
  tensión: 'arterial', frecuencia: 'cardíaca cardiaca respiratoria', dolor: 'abdominal torácico', insuffisance: 'cardiaque rénale respiratoire',
  examen: 'clinique', dossier: 'médical', cartella: 'clinica', pronto: 'soccorso', pressione: 'arteriosa',
};

/** Japanese clinical words (no spaces between words: found as substrings, by the CJK pass of terms.ts). */
export const JAPANESE_TERMS = ['患者', '診断', '治療', '既往歴', '入院', '退院', '症状', '処方', '手術', '病院', '主訴', '現病歴', '投薬', '病名', '所見', '診療', '看護', '服薬', '副作用', '疾患', '病歴', '外来', '診察'];
