/**
 * Medicines and medical devices by name: the generics most prescribed in the US, Europe and Japan, their brands,
 * and the device and suture brands of operative notes. Curated by hand: the npm registry holds no permissively
 * licensed drug list (the `drugs` package lists 90 spam-filter names; @cspell/dict-medicalterms and OpenMedSpel
 * are GPL-3, which a bundled extension cannot carry). Generic names not listed here are still recognised by
 * their WHO INN stems (health/vocabulary.ts). Lower case; a hyphenated brand ("tri-cyclen") is one word for names.
 */
const GENERICS = `
acetaminophen acyclovir adalimumab albuterol alendronate allopurinol alprazolam amiodarone amitriptyline amlodipine
amoxicillin ampicillin anastrozole apixaban aripiprazole aspirin atenolol atorvastatin azathioprine azithromycin
baclofen beclomethasone benazepril benzonatate bisoprolol budesonide bumetanide buprenorphine bupropion buspirone
canagliflozin candesartan carbamazepine carbidopa carvedilol cefdinir cefuroxime celecoxib cephalexin cetirizine
chlorthalidone cilostazol ciprofloxacin citalopram clarithromycin clindamycin clobetasol clonazepam clonidine
clopidogrel clotrimazole colchicine cyclobenzaprine dabigatran dapagliflozin denosumab desvenlafaxine dexamethasone
dextroamphetamine diazepam diclofenac dicyclomine digoxin diltiazem diphenhydramine divalproex donepezil doxazosin
doxycycline dulaglutide duloxetine empagliflozin enalapril enoxaparin entecavir epinephrine ertugliflozin
escitalopram esomeprazole estradiol eszopiclone etanercept ezetimibe famotidine fenofibrate fentanyl fexofenadine
finasteride fluconazole fluoxetine fluticasone folic furosemide gabapentin glimepiride glipizide glyburide
guanfacine haloperidol heparin hydralazine hydrochlorothiazide hydrocodone hydrocortisone hydromorphone
hydroxychloroquine hydroxyzine ibuprofen indomethacin infliximab insulin ipratropium irbesartan isosorbide
ivermectin ketorolac labetalol lamotrigine lansoprazole latanoprost leflunomide letrozole levetiracetam
levocetirizine levofloxacin levothyroxine lidocaine linagliptin liraglutide lisinopril lithium loratadine lorazepam
losartan lovastatin meclizine medroxyprogesterone meloxicam memantine metformin methadone methimazole methocarbamol
methotrexate methylphenidate methylprednisolone metoclopramide metolazone metoprolol metronidazole minocycline
mirtazapine montelukast morphine mupirocin naloxone naltrexone naproxen nebivolol nifedipine nitrofurantoin
nitroglycerin norethindrone nortriptyline nystatin olanzapine olmesartan omeprazole ondansetron oseltamivir
oxybutynin oxcarbazepine oxycodone pantoprazole paracetamol paroxetine penicillin pioglitazone potassium pramipexole
pravastatin prednisolone prednisone pregabalin primidone progesterone promethazine propranolol quetiapine
rabeprazole ramipril ranitidine risperidone rivaroxaban rizatriptan ropinirole rosuvastatin semaglutide sertraline
sildenafil simvastatin sitagliptin sotalol spironolactone sucralfate sulfamethoxazole sumatriptan tacrolimus
tadalafil tamoxifen tamsulosin telmisartan temazepam terazosin terbinafine testosterone ticagrelor timolol
tirzepatide tizanidine topiramate torsemide tramadol trastuzumab trazodone triamcinolone trimethoprim valacyclovir
valproate valsartan vancomycin venlafaxine verapamil warfarin zolpidem pembrolizumab nivolumab rituximab
bevacizumab ustekinumab dupilumab secukinumab ocrelizumab remdesivir molnupiravir nirmatrelvir ritonavir
tenofovir emtricitabine dolutegravir efavirenz abacavir lamivudine zidovudine sofosbuvir ledipasvir imatinib
ibrutinib osimertinib palbociclib lenalidomide bortezomib cisplatin carboplatin oxaliplatin paclitaxel docetaxel
doxorubicin cyclophosphamide fluorouracil capecitabine gemcitabine vincristine etoposide filgrastim pegfilgrastim
epoetin alteplase tenecteplase amphotericin vitamin multivitamin
`;

const BRANDS = `
abilify actos adderall advair advil aimovig aleve allegra ambien amaryl androgel aricept arimidex atacand ativan
augmentin avandia avapro avelox avodart bactrim benadryl benicar biktarvy boniva brilinta buspar bystolic
cardizem cardura celebrex celexa cialis cipro claritin clarinex clomid concerta coreg cosentyx coumadin cozaar crestor
cymbalta depakote desyrel diflucan dilantin dilaudid diovan dupixent effexor elavil eliquis enbrel entresto
epclusa epipen estrace eylea farxiga flagyl flexeril flomax flonase focalin fosamax glucophage glucotrol gleevec
harvoni humalog humira humulin imitrex imbruvica invokana januvia jardiance jentadueto kenalog keppra keytruda
klonopin lamictal lantus lasix levaquil levemir levitra lexapro lipitor lopressor lotensin lovenox lunesta lyrica
lyrica macrobid medrol mevacor mirena mobic motrin mounjaro namenda neurontin nexium norco norvasc novolog
opdivo otezla ozempic pataday paxil pepcid percocet plaquenil plavix pradaxa premarin prevacid prilosec pristiq
procardia protonix provera prozac remicade renvela requip restasis revlimid risperdal ritalin rybelsus seroquel
singulair skyrizi soma spiriva stelara strattera suboxone synthroid tamiflu tecfidera tenormin topamax toprol tradjenta
trelegy trulicity truvada tylenol ultram valium valtrex vasotec ventolin viagra vicodin victoza vimpat voltaren
vyvanse wegovy wellbutrin xanax xarelto xeljanz xyzal yasmin zanaflex zantac zestril zetia zithromax zocor zofran
zoloft zovirax zyloprim zyprexa zyrtec yaz loestrin sprintec tri-cyclen ortho-novum nuvaring depo-provera
mucinex sudafed dayquil nyquil robitussin pepto-bismol imodium dulcolax miralax metamucil tums zantac
loxonin mucosta lyrica gaster amlodin blopress diovan micardis olmetec
`;

const DEVICES = `
foley monocryl vicryl prolene ethilon steri-strips dermabond tegaderm jackson-pratt hemovac pleur-evac port-a-cath
swan-ganz omnipod dexcom cpap bipap
`;

/** Parts of brand names that are no health term alone ("Ortho" of Ortho Tri-Cyclen): names only. */
const NAME_PARTS = 'ortho freestyle libre';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Medicines by name, lower case: health terms (or ambiguous ones where the name is also a plain word). */
export const MEDICINES: readonly string[] = [...new Set([...words(GENERICS), ...words(BRANDS)])];
/** Devices and sutures mean health only beside a clinical term: "Foley" is also a family name. */
export const DEVICES_LIST: readonly string[] = words(DEVICES);
/** Every brand and device word, for telling names from products. */
export const PRODUCT_NAMES: readonly string[] = [...MEDICINES, ...DEVICES_LIST, ...words(NAME_PARTS)];
