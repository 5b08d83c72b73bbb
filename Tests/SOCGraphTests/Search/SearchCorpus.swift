@testable import SOCGraph

/// A hand-written corpus of 20 occupations. Codes, SOC titles, Direct Match Titles, O*NET Alternate Titles and
/// technology names are a few real ones per occupation (BLS SOC 2018, O*NET 30.2); the definitions and tasks are
/// short descriptions written for this test, not the published text.
enum SearchCorpus {
    typealias T = SearchDocument.Technology

    static let documents: [SearchDocument] = [
        SearchDocument(
            code: "15-2051", title: "Data Scientists",
            directMatchTitles: [
                "Business Intelligence Developer", "Data Analytics Specialist", "Data Mining Analyst",
                "Data Visualization Developer",
            ],
            alternateTitles: [
                "Data Scientist", "Machine Learning Engineer", "Machine Learning Scientist", "Data Analyst",
                "Data Engineer", "Research Scientist", "Statistical Analyst", "Quantitative Researcher",
                "Machine Learning Software Engineer",
            ],
            technologies: [
                T(name: "TensorFlow", inDemand: true), T(name: "PyTorch", inDemand: true),
                T(name: "Python", inDemand: true), T(name: "R", inDemand: true),
                T(name: "Apache Spark", inDemand: true), T(name: "Scikit-learn"),
            ],
            programTitles: ["Data Science, General", "Statistics, General"],
            definition: "Build statistical and machine learning models that turn large data sets into predictions.",
            tasks: [
                "Clean and combine data sets from several sources for analysis.",
                "Train and evaluate predictive models with machine learning libraries.",
            ]),
        SearchDocument(
            code: "15-1252", title: "Software Developers",
            directMatchTitles: [
                "Software Engineer", "Applications Developer", "Systems Software Developer",
                "Mobile Applications Developer",
            ],
            alternateTitles: [
                "Software Developer", "Software Engineer", ".NET Developer", "C++ Developer", "Java Software Engineer",
                "Python Developer", "Full Stack Developer", "DevOps Engineer", "Embedded Software Engineer",
                "Game Developer", "Software Architect",
            ],
            technologies: [
                T(name: "C++", inDemand: true), T(name: "C#", inDemand: true), T(name: "Python", inDemand: true),
                T(name: "Git"),
                T(name: "Microsoft ASP.NET", inDemand: true), T(name: "Oracle Java", inDemand: true),
            ],
            programTitles: ["Computer Science", "Computer Software Engineering"],
            definition: "Design and build computer applications and the systems software they run on.",
            tasks: ["Write, test and debug program code.", "Plan software features with users and designers."]),
        SearchDocument(
            code: "15-1221", title: "Computer and Information Research Scientists",
            directMatchTitles: [
                "Computational Theory Scientist", "Computer Scientist", "Control System Computer Scientist",
                "Programming Methodology and Languages Researcher",
            ],
            alternateTitles: [
                "AI Engineer (Artificial Intelligence Engineer)", "Machine Learning Engineer",
                "Machine Learning Research Scientist", "Computer Vision Scientist", "Research Scientist",
                "NLP Engineer (Natural Language Processing Engineer)", "Computational Linguist",
            ],
            technologies: [
                T(name: "TensorFlow", inDemand: true), T(name: "PyTorch", inDemand: true),
                T(name: "Python", inDemand: true), T(name: "The MathWorks MATLAB", inDemand: true),
            ],
            programTitles: ["Computer Science", "Artificial Intelligence"],
            definition: "Invent new computing methods and study fundamental problems of computation."),
        SearchDocument(
            code: "15-1251", title: "Computer Programmers",
            directMatchTitles: ["Applications Programmer", "Computer Language Coder", "Systems Programmer"],
            alternateTitles: ["Programmer", "Computer Programmer", "Web Programmer", "Programmer Analyst"],
            technologies: [T(name: "C++", inDemand: true), T(name: "Oracle Java", inDemand: true)],
            programTitles: ["Computer Programming/Programmer, General"]),
        SearchDocument(
            code: "15-1211", title: "Computer Systems Analysts",
            directMatchTitles: [
                "Applications Analyst", "Information Systems Analyst", "Programmer Analyst", "Systems Architect",
            ],
            alternateTitles: [
                "Business Systems Analyst", "Systems Analyst", "IT Analyst (Information Technology Analyst)",
            ],
            technologies: [T(name: "Microsoft SQL Server", inDemand: true)],
            programTitles: ["Computer Systems Analysis/Analyst"]),
        SearchDocument(
            code: "11-3021", title: "Computer and Information Systems Managers",
            directMatchTitles: [
                "Chief Technology Officer", "Information Systems Manager", "Information Technology Director",
                "MIS Director",
            ],
            alternateTitles: [
                "IT Director (Information Technology Director)", "IT Manager (Information Technology Manager)",
                "Software Development Director", "Development Manager",
            ],
            programTitles: ["Information Technology Project Management"]),
        SearchDocument(
            code: "29-1141", title: "Registered Nurses",
            directMatchTitles: ["Clinical Nurse Specialist", "Psychiatric Nurse", "Pediatric Registered Nurse", "RN"],
            alternateTitles: [
                "Registered Nurse (RN)", "Nurse", "Staff Nurse", "Charge Nurse", "Emergency Room Nurse (ER Nurse)",
                "School Nurse", "Oncology Nurse",
            ],
            programTitles: ["Registered Nursing/Registered Nurse"],
            definition: "Care for patients in hospitals and clinics, give medication and teach patients about health."),
        SearchDocument(
            code: "29-1171", title: "Nurse Practitioners",
            directMatchTitles: [
                "Family Practice Nurse Practitioner", "Pediatric Nurse Practitioner", "Acute Care Nurse Practitioner",
                "NP",
            ],
            alternateTitles: [
                "Nurse Practitioner (NP)", "Family Nurse Practitioner (FNP)",
                "Advanced Practice Registered Nurse (APRN)",
            ],
            programTitles: ["Family Practice Nurse/Nursing"]),
        SearchDocument(
            code: "29-1123", title: "Physical Therapists",
            alternateTitles: ["Physical Therapist (PT)", "Physiotherapist", "Pediatric Physical Therapist"]),
        SearchDocument(
            code: "13-1111", title: "Management Analysts",
            directMatchTitles: [
                "Business Management Analyst", "Management Consultant", "Business Process Consultant",
                "Industrial Analyst",
            ],
            alternateTitles: [
                "Business Analyst", "Management Consultant", "Operations Analyst", "Program Analyst",
                "Business Management Consultant", "Performance Consultant",
            ]),
        SearchDocument(
            code: "11-1021", title: "General and Operations Managers",
            directMatchTitles: ["Operations Manager", "Radio Station Manager", "Operational Risk Manager"],
            alternateTitles: [
                "General Manager (GM)", "Operations Manager", "Area Manager", "Store Manager", "Program Manager",
                "Shift Supervisor", "Operations Supervisor",
            ]),
        SearchDocument(
            code: "11-1011", title: "Chief Executives",
            directMatchTitles: ["CEO", "Chief Executive Officer"],
            alternateTitles: ["Chief Executive Officer (CEO)", "President", "Sustainability Strategy Manager"]),
        SearchDocument(
            code: "11-9199", title: "Managers, All Other",
            directMatchTitles: ["Utilities Manager", "Social Science Manager"],
            alternateTitles: ["Team Leader", "Project Leader", "Area Supervisor", "Laboratory Manager"]),
        SearchDocument(
            code: "43-1011", title: "First-Line Supervisors of Office and Administrative Support Workers",
            directMatchTitles: ["Clerical Supervisor", "Payroll Supervisor", "Office Services Supervisor"],
            alternateTitles: ["Office Supervisor", "Administrative Supervisor", "Customer Service Supervisor"]),
        SearchDocument(
            code: "41-1011", title: "First-Line Supervisors of Retail Sales Workers",
            directMatchTitles: ["Retail Store Supervisor", "Sales Supervisor"],
            alternateTitles: ["Store Supervisor", "Department Supervisor", "Sales Team Leader"]),
        SearchDocument(
            code: "13-1161", title: "Market Research Analysts and Marketing Specialists",
            directMatchTitles: ["Market Research Analyst", "Marketing Analyst"],
            alternateTitles: ["Digital Marketing Strategist", "Search Strategist", "Marketing Specialist"]),
        SearchDocument(
            code: "17-2141", title: "Mechanical Engineers",
            directMatchTitles: ["Mechanical Design Engineer", "Auto Research Engineer"],
            alternateTitles: ["Design Engineer", "Mechanical Engineer", "Product Engineer"],
            technologies: [T(name: "Dassault Systemes SolidWorks", inDemand: true)],
            programTitles: ["Mechanical Engineering"]),
        SearchDocument(
            code: "23-1011", title: "Lawyers",
            directMatchTitles: ["Attorney", "Corporate Counsel"],
            alternateTitles: ["Lawyer", "Counsel", "Attorney at Law"]),
        SearchDocument(
            code: "47-2061", title: "Construction Laborers",
            directMatchTitles: ["Construction Laborer", "Demolition Laborer"],
            alternateTitles: ["Laborer", "General Laborer", "Construction Worker"]),
        SearchDocument(
            code: "35-1011", title: "Chefs and Head Cooks",
            directMatchTitles: ["Executive Chef", "Head Cook"],
            alternateTitles: ["Chef", "Head Chef", "Sous Chef"]),
    ]

    static let index = SearchIndex(documents: documents)
}
